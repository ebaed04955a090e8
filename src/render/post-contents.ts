import type { PostContent } from "../content/site-collections.ts";
import type { DiagnosticList } from "../diagnostics/diagnostic.ts";
import type { SourcePage } from "../content/source-page.ts";
import { templatePage } from "../content/template-page.ts";
import { CONTENT_SECURITY_POLICY_META_TAG } from "./content-security-policy.ts";
import { renderPages, type RenderOptions } from "./render-pool.ts";

/**
 * Each post's content and excerpt, rendered (Liquid, then Markdown) without layouts, for `site.posts` and
 * `paginator.posts`: Jekyll renders posts before pages, so a page listing posts sees them rendered. The excerpt
 * is rendered on its own from its source (src/content/posts.ts), as Jekyll renders it. Problems are reported here
 * only for the files of `report` (documents that are not written): a post's own render, with its layouts, meets and
 * reports the same ones.
 */
export async function renderPostContents(
  posts: readonly SourcePage[],
  excerpts: ReadonlyMap<string, string>,
  options: RenderOptions,
  report?: { files: ReadonlySet<string>; to: DiagnosticList },
): Promise<Map<string, PostContent>> {
  const jobs = posts.flatMap((post) => [
    templatePage(post, { layout: false }),
    templatePage({ ...post, body: excerpts.get(post.file) ?? "" }, { layout: false }),
  ]);
  const { rendered, diagnostics } = await renderPages(jobs, { ...options, onProgress: undefined });
  // A document that is not written is rendered only here: its problems are reported from here.
  for (const diagnostic of diagnostics) if (report?.files.has(diagnostic.file)) report.to.add(diagnostic);
  const contents = new Map<string, PostContent>();
  posts.forEach((post, index) => {
    contents.set(post.file, {
      content: withoutPolicyTag(rendered[2 * index]?.html ?? ""),
      excerpt: withoutPolicyTag(rendered[2 * index + 1]?.html ?? ""),
    });
  });
  return contents;
}

/** Every rendered HTML file starts its head with the site's policy; a post's content is no file of its own. */
function withoutPolicyTag(html: string): string {
  return html.startsWith(CONTENT_SECURITY_POLICY_META_TAG) ? html.slice(CONTENT_SECURITY_POLICY_META_TAG.length).replace(/^\n/, "") : html;
}
