import path from "node:path";
import { sortedDocuments, type Collection } from "./collections.ts";
import type { SourcePage } from "./source-page.ts";
import { fileName, urlFolder } from "./urls.ts";

/** A post's rendered content (without layouts) and excerpt, as `post.content` and `post.excerpt` give them. */
export interface PostContent {
  content: string;
  excerpt: string;
}

/**
 * What Jekyll adds to `site`: `site.posts` (newest first), `site.pages`, `site.html_pages`, `site.categories`,
 * `site.tags`, `site.static_files`, `site.documents` and `site.collections`, and `site.<label>` for each other
 * collection (src/content/collections.ts).
 */
export interface SiteCollections {
  posts: Record<string, unknown>[];
  pages: Record<string, unknown>[];
  html_pages: Record<string, unknown>[];
  categories: Record<string, Record<string, unknown>[]>;
  tags: Record<string, Record<string, unknown>[]>;
  static_files: Record<string, unknown>[];
  documents: Record<string, unknown>[];
  collections: Record<string, unknown>[];
  [label: string]: unknown;
}

/** The entries of `site.pages`, then those of `site.posts`, of a site given siteCollections: what templates list. */
export function pagesAndPosts(site: object): Record<string, unknown>[] {
  const { pages = [], posts = [] } = site as Partial<Pick<SiteCollections, "pages" | "posts">>;
  return [...pages, ...posts];
}

/** Posts newest first, as `site.posts` lists them; posts of one date by path, as Jekyll sorts them. */
export function newestFirst(posts: readonly SourcePage[]): SourcePage[] {
  return [...posts].sort((a, b) => postDate(b) - postDate(a) || (a.file < b.file ? 1 : a.file > b.file ? -1 : 0));
}

/**
 * `site.*` collections from the tree's pages. Without `contents` (before the posts are rendered) a post has no
 * `content` or `excerpt` yet. Each post is plain data: front matter, what Jekyll derives, url and path.
 */
export function siteCollections(
  pages: readonly SourcePage[],
  posts: readonly SourcePage[],
  contents?: ReadonlyMap<string, PostContent>,
  staticFiles: readonly string[] = [],
  documents: { collections: readonly Collection[]; pages: readonly SourcePage[]; siteTime: number } = { collections: [], pages: [], siteTime: 0 },
): SiteCollections {
  const postDrops = newestFirst(posts).map((post) => postDrop(post, contents?.get(post.file)));
  // Each other collection's documents in Jekyll's order, as `site.<label>`.
  const byLabel = documents.collections.map((collection) => ({
    collection,
    docs: sortedDocuments(
      documents.pages.filter((page) => page.derived?.collection === collection.label),
      collection,
      documents.siteTime,
    ).map((page) => postDrop(page, contents?.get(page.file))),
  }));
  const isPost = new Set([...posts, ...documents.pages]);
  // Made on first use: few templates read site.pages, and a big site's pages cost every build (and every shard) time.
  let pageDrops: Record<string, unknown>[] | undefined;
  let htmlPages: Record<string, unknown>[] | undefined;
  const allPages = () =>
    // The home page we generate for a tree without one has no file; Jekyll's site.pages would not have it either.
    (pageDrops ??= pages.filter((page) => !isPost.has(page) && path.isAbsolute(page.absPath)).map(pageDrop));
  return {
    posts: postDrops,
    get pages() {
      return allPages();
    },
    get html_pages() {
      return (htmlPages ??= allPages().filter((page) => /(?:\.x?html?|\/)$/.test(String(page.url))));
    },
    categories: groupBy(postDrops, "categories"),
    tags: groupBy(postDrops, "tags"),
    static_files: staticFiles.map(staticFileDrop),
    documents: [...byLabel.flatMap(({ docs }) => docs), ...postDrops],
    // By label, as Jekyll's site.collections lists them.
    collections: [
      ...byLabel.map(({ collection, docs }) => ({
        label: collection.label,
        docs,
        files: [],
        output: collection.output,
        relative_directory: `_${collection.label}`,
        permalink: collection.permalink ?? null,
      })),
      { label: "posts", docs: postDrops, files: [], output: true, relative_directory: "_posts", permalink: null },
    ].sort((a, b) => (a.label < b.label ? -1 : a.label > b.label ? 1 : 0)),
    ...Object.fromEntries(byLabel.filter(({ collection }) => collection.asSiteKey).map(({ collection, docs }) => [collection.label, docs])),
  };
}

/** A file of `site.static_files`, as a theme lists downloads: `{{ file.path }}`, `file.extname == ".pdf"`. */
function staticFileDrop(file: string): Record<string, unknown> {
  const extname = path.posix.extname(file);
  return { path: `/${file}`, name: path.posix.basename(file), basename: path.posix.basename(file, extname), extname, collection: null };
}

/**
 * The posts with `page.previous` (the older post) and `page.next` (the newer one), and with their rendered
 * `excerpt` as `page.excerpt`, as Jekyll gives them to a post's own layout.
 */
export function withNeighbours(posts: readonly SourcePage[], contents?: ReadonlyMap<string, PostContent>): Map<SourcePage, SourcePage> {
  const oldestFirst = newestFirst(posts).reverse();
  const result = new Map<SourcePage, SourcePage>();
  oldestFirst.forEach((post, index) => {
    const neighbour = (other: SourcePage | undefined) => (other ? postDrop(other, undefined) : null);
    const excerpt = contents?.get(post.file)?.excerpt;
    result.set(post, {
      ...post,
      derived: {
        ...post.derived,
        previous: neighbour(oldestFirst[index - 1]),
        next: neighbour(oldestFirst[index + 1]),
        ...(excerpt !== undefined && post.data.excerpt === undefined ? { excerpt } : {}),
      },
    });
  });
  return result;
}

function postDrop(post: SourcePage, content: PostContent | undefined): Record<string, unknown> {
  return {
    ...post.data,
    ...post.derived,
    url: post.url,
    path: post.file,
    relative_path: post.file,
    ...(content ? { content: content.content } : {}),
    // Front matter `excerpt:` is the excerpt, as in Jekyll.
    ...(content && post.data.excerpt === undefined ? { excerpt: content.excerpt } : {}),
  };
}

function pageDrop(page: SourcePage): Record<string, unknown> {
  return {
    ...page.data,
    ...page.derived,
    url: page.url,
    path: page.file,
    name: fileName(page.file),
    dir: urlFolder(page.url),
  };
}

function groupBy(posts: readonly Record<string, unknown>[], key: "categories" | "tags"): Record<string, Record<string, unknown>[]> {
  const groups: Record<string, Record<string, unknown>[]> = {};
  for (const post of posts) {
    for (const name of (post[key] as string[] | undefined) ?? []) (groups[name] ??= []).push(post);
  }
  return groups;
}

function postDate(post: SourcePage): number {
  return (post.derived?.date as Date | undefined)?.getTime() ?? 0;
}
