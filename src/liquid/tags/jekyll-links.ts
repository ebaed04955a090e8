import fs from "node:fs";
import path from "node:path";
import { getRenderState } from "../render-state.ts";
import { Tag, type Context, type Emitter, type Liquid, type TagToken, type TopLevelToken } from "liquidjs";

/** A page or post as `site.pages` and `site.posts` list it (src/content/site-collections.ts), or a static file. */
interface Listed {
  url?: unknown;
  path?: unknown;
}

/**
 * Jekyll's `{% link docs/guides/setup.md %}` and `{% post_url 2024-01-02-release %}`: the URL of the page, post or
 * static file made from that source file, with the site's base path, as Jekyll 4 writes it. A name that makes
 * nothing of the tree is an error at the tag, as it stops a Jekyll build. The name may be Liquid
 * (`{% link {{ page.next }} %}`).
 */
export function linkTags(baseurl: string) {
  return {
    link: targetTag(
      "link",
      baseurl,
      (name, site) =>
        site.pages.find((page) => page.path === name) ??
        site.posts.find((post) => post.path === name) ??
        site.staticFile(name),
    ),
    post_url: targetTag("post_url", baseurl, (name, site) => site.posts.find((post) => isPostNamed(String(post.path), name))),
  };
}

type Finder = (name: string, site: { pages: Listed[]; posts: Listed[]; staticFile(name: string): Listed | undefined }) => Listed | undefined;

function targetTag(tagName: string, baseurl: string, find: Finder) {
  return class extends Tag {
    private readonly target: string;

    constructor(token: TagToken, remainTokens: TopLevelToken[], liquid: Liquid) {
      super(token, remainTokens, liquid);
      this.target = token.args.trim();
      if (!this.target) throw new Error(`${tagName} needs the source file it links to, such as {% ${tagName} ${EXAMPLES[tagName]} %}`);
    }

    render(ctx: Context, emitter: Emitter): void {
      const name = this.target.includes("{{") ? this.liquid.parseAndRenderSync(this.target, ctx).trim() : this.target;
      const site = (ctx.getSync(["site"]) ?? {}) as { pages?: Listed[]; posts?: Listed[] };
      const sourceDir = getRenderState(ctx)?.roots.sourceDir;
      // A file copied as it is (a PDF, an image) is at its own path; files and folders starting with _ or . are not.
      const staticFile = (file: string): Listed | undefined =>
        sourceDir && !/(?:^|\/)[_.]/.test(path.posix.normalize(file)) && fs.statSync(path.join(sourceDir, file), { throwIfNoEntry: false })?.isFile() ? { url: `/${file}` } : undefined;
      const found = find(name.replace(/^\/+/, ""), { pages: site.pages ?? [], posts: site.posts ?? [], staticFile });
      if (!found) {
        throw new Error(`${tagName} "${name}": no ${tagName === "link" ? "page, post or file" : "post"} of the tree is made from it; write its source path as in ${EXAMPLES[tagName]}`);
      }
      // In a Markdown body the Markdown adds the base path (and so does the page's Markdown twin).
      emitter.write((getRenderState(ctx)?.markdown ? "" : baseurl) + String(found.url));
    }
  };
}

const EXAMPLES: Record<string, string> = { link: "docs/guides/setup.md", post_url: "2024-01-02-release" };

/** Whether a post's file (`_posts/news/2024-01-02-release.md`) is the one `{% post_url %}` names (`news/2024-01-02-release`). */
function isPostNamed(file: string, name: string): boolean {
  const stem = path.posix.basename(file, path.posix.extname(file));
  if (stem !== path.posix.basename(name)) return false;
  const folder = path.posix.dirname(name);
  return folder === "." || file.includes(`${folder}/_posts/`) || file.includes(`_posts/${folder}/`);
}
