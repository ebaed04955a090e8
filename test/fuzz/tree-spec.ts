// Random source trees for the build's fuzz test, as plain data: fast-check prints a failing tree readably and
// shrinks it file by file, block by block. test/fuzz/write-tree.ts turns a spec into files and symlinks.
import fc from "fast-check";

/** How a file's bytes are saved: most are plain UTF-8, the rest are the mistakes editors and copies make. */
export type Encoding = "utf8" | "bom" | "crlf" | "latin1" | "nul" | "empty" | "large";

export type FrontMatter =
  | { kind: "none" }
  | { kind: "empty" }
  | { kind: "keys"; entries: Array<[string, string]> }
  /** YAML that does not parse, or a block that never closes. */
  | { kind: "broken"; text: string };

/** A reference to another file of the tree by position, resolved once the whole tree is known (so it shrinks). */
export type Target =
  | { kind: "page"; index: number; anchor?: string }
  | { kind: "static"; index: number }
  | { kind: "missing"; name: string };

export type Block =
  | { kind: "text"; text: string }
  | { kind: "link"; to: Target | { kind: "external"; url: string } }
  | { kind: "image"; to: Target }
  | { kind: "include"; to: { kind: "existing"; index: number } | { kind: "theme"; name: string } | { kind: "missing"; name: string } }
  | { kind: "include-relative"; to: { kind: "existing"; index: number } | { kind: "missing"; name: string } };

export type Content =
  /** Markdown with or without front matter: a page, or a fragment for include_relative. */
  | { kind: "markdown"; front: FrontMatter; body: Block[] }
  /** A partial under _includes/: Markdown or HTML with Liquid, like a page body. */
  | { kind: "partial"; body: Block[] }
  | { kind: "layout"; text: string }
  | { kind: "data"; text: string }
  /** Copied as it is: text that carries the file's marker, or bytes that are no text at all. */
  | { kind: "static"; binary: boolean };

export interface FileSpec {
  path: string;
  content: Content;
  encoding: Encoding;
}

export type LinkTarget =
  | { kind: "file"; index: number }
  | { kind: "folder"; index: number }
  | { kind: "link"; index: number }
  /** A file or folder outside the tree that holds the secret marker. */
  | { kind: "secret"; name: "secret.md" | "secret.html" | "secret.yml" | "folder" }
  | { kind: "dangling" }
  | { kind: "self" }
  | { kind: "parent" };

export interface LinkSpec {
  path: string;
  target: LinkTarget;
}

export interface TreeSpec {
  files: FileSpec[];
  links: LinkSpec[];
  /** Also run `npm run check` on the tree (a second process, so only for some trees). */
  alsoCheck: boolean;
}

/** File and folder names: spaces, non-ASCII letters, dots, leading `_` and `.`, and a few repeats for collisions. */
const NAMES = ["a", "b", "x", "guide", "with space", "ünïcödé", "日本語", "dots.in.name", "_under", ".hidden", "UPPER", "-dash", "index"];
const ELEMENTS = ["acme-crm", "tide-hub", "ünï-app"];
const WORDS = ["alpha", "Beta", "gamma", "delta: colon", "ünïcode", "emoji 🚀", "<b>bold</b>", "a & b", "quote's", "#hash", "x"];

const name = fc.constantFrom(...NAMES);
const folders = (max: number) => fc.array(name, { maxLength: max }).map((parts) => parts.map((p) => `${p}/`).join(""));
const words = fc.array(fc.constantFrom(...WORDS), { minLength: 1, maxLength: 4 }).map((w) => w.join(" "));

/** `wild` arbitraries add the mistakes; the others make trees that can build clean. */
function pick<T>(wild: boolean, tame: readonly T[], mistakes: readonly T[]): fc.Arbitrary<T> {
  return wild ? fc.oneof({ weight: 3, arbitrary: fc.constantFrom(...tame) }, { weight: 1, arbitrary: fc.constantFrom(...mistakes) }) : fc.constantFrom(...tame);
}

const pagePath = (wild: boolean) =>
  fc.oneof(
    { weight: 1, arbitrary: fc.constant("index.md") },
    { weight: 5, arbitrary: fc.tuple(folders(5), name).map(([dir, file]) => `docs/${dir}${file}.md`) },
    // Element pages need heading, elementKey and friends to agree: only wild trees get them.
    { weight: wild ? 3 : 0, arbitrary: fc.tuple(fc.constantFrom(...ELEMENTS), name).map(([el, file]) => `docs/elements/${el}/${file}.md`) },
    { weight: 1, arbitrary: fc.tuple(folders(2), name).map(([dir, file]) => `docs/${dir}_parts/${file}.md`) },
    // Jekyll publishes pages anywhere in the tree, not only under docs/.
    { weight: 1, arbitrary: fc.tuple(folders(2), name).map(([dir, file]) => `${dir}${file}.md`) },
  );
const staticPath = fc.oneof(
  {
    weight: 4,
    arbitrary: fc
      .tuple(fc.constantFrom("docs/", "docs/", ""), folders(3), name, fc.constantFrom("png", "json", "txt", "html", "svg", "css", "pdf", "ts", "yml"))
      .map(([top, dir, file, ext]) => `${top}${dir}${file}.${ext}`),
  },
  { weight: 1, arbitrary: fc.tuple(name, fc.constantFrom("css", "js", "png")).map(([file, ext]) => `assets/${file}.${ext}`) },
  { weight: 1, arbitrary: fc.constantFrom(".gitignore", "docs/.DS_Store", "README.txt") },
);
const partialPath = fc
  .tuple(fc.constantFrom("", "Elements/"), name, fc.constantFrom("md", "html"))
  .map(([dir, file, ext]) => `_includes/${dir}${file}.${ext}`);
const layoutPath = fc.tuple(fc.constantFrom("custom", "page", "fuzz"), fc.constantFrom("html", "liquid")).map(([n, ext]) => `_layouts/${n}.${ext}`);
const dataPath = fc.oneof(
  fc.tuple(fc.constantFrom("values", "hubs", "with space"), fc.constantFrom("yml", "json")).map(([n, ext]) => `_data/${n}.${ext}`),
  fc.constant("_config.yml"),
  fc.tuple(folders(1), name, fc.constantFrom("yml", "json")).map(([dir, n, ext]) => `docs/${dir}${n}/${n}.11tydata.${ext}`),
);

function frontMatter(wild: boolean): fc.Arbitrary<FrontMatter> {
  const value: Record<string, fc.Arbitrary<string>> = {
    title: fc.oneof(words.map((w) => JSON.stringify(w)), pick(wild, ["42"], ["~", '""', "[a, b]"])),
    layout: pick(wild, ["none", "custom"], ["page", "element", "catalog", "home", "sidebarelementdoc", "fuzz", "no-such-layout"]),
    published: pick(wild, ["true", "false"], ["nope", "0"]),
    description: words.map((w) => JSON.stringify(w)),
    redirect_from: pick(wild, ["/docs/old.html", "\n  - /docs/old-one.html\n  - /docs/old-two.html"], ["docs/moved/", "/sitemap.xml", "/docs/a.html", "/pagefind/", "/index.html", '""']),
    permalink: pick(wild, ["/elsewhere/"], ["/docs/a.html", "false"]),
    elementKey: pick(wild, ["acme"], ["tide", "42", '""']),
    elementId: pick(wild, ["7"], ["8", "fifty", "-1", "1.5"]),
    order: pick(wild, ["1", "2"], ["first", "-3"]),
    heading: fc.constantFrom("Acme CRM", "Tide Hub"),
    hdOrcrm: pick(wild, ["crm"], ["helpdesk", "nowhere"]),
    sitemap: fc.constantFrom("false", "true"),
    unknownKey: fc.constantFrom("1", "yes", "{ nested: true }"),
  };
  // Tame pages all carry a title and layout, as real pages do; their other keys stay random.
  const tameKeys = wild ? Object.keys(value) : ["description", "published", "redirect_from", "sitemap", "unknownKey"];
  const entry = fc.constantFrom(...tameKeys).chain((key) => value[key].map((v): [string, string] => [key, v]));
  const keys = wild
    ? fc.array(fc.constantFrom(...Object.keys(value)).chain((key) => value[key].map((v): [string, string] => [key, v])), { maxLength: 6 })
    : fc
        .tuple(value.title, value.layout, fc.array(entry, { maxLength: 2 }))
        .map(([title, layout, rest]): Array<[string, string]> => [["title", title], ["layout", layout], ...rest]);
  return fc.oneof(
    { weight: 8, arbitrary: keys.map((entries) => ({ kind: "keys" as const, entries })) },
    { weight: 2, arbitrary: fc.constant({ kind: "none" as const }) },
    { weight: wild ? 1 : 0, arbitrary: fc.constant({ kind: "empty" as const }) },
    {
      weight: wild ? 1 : 0,
      arbitrary: fc
        .constantFrom("title: a: b\n", "title: [unclosed\n", "\ttitle: tab\n", "title: 'open\n", "- list\nkey: map\n", "title: x\n# no closing line")
        .map((text) => ({ kind: "broken" as const, text })),
    },
  );
}

function target(wild: boolean): fc.Arbitrary<Target> {
  return fc.oneof(
    { weight: 4, arbitrary: fc.record({ kind: fc.constant("page" as const), index: fc.nat(20) }) },
    {
      weight: wild ? 2 : 0,
      arbitrary: fc.record({ kind: fc.constant("page" as const), index: fc.nat(20), anchor: fc.constantFrom("alpha", "beta", "no-such-id", "top") }),
    },
    { weight: 1, arbitrary: fc.record({ kind: fc.constant("static" as const), index: fc.nat(20) }) },
    { weight: wild ? 2 : 0, arbitrary: fc.record({ kind: fc.constant("missing" as const), name: fc.constantFrom("gone.html", "../up.html", "gone.png") }) },
  );
}

/** Markdown and Liquid a writer might type, one construct each. */
const GOOD_BLOCKS = [
  "## Alpha",
  "### Beta heading: with colon",
  "## Alpha",
  "Plain paragraph with `code`, **bold** and ünïcode.",
  "- one\n- two\n  - nested\n1. numbered",
  "| a | b |\n| --- | --- |\n| 1 | 2 |",
  "```js\nconst x = 1;\n```",
  '```json\n{ "ok": true }\n```',
  "```\nplain fence\n```",
  '<div class="note">raw <em>HTML</em></div>',
  "<details><summary>More</summary>\n\nInside *details*.\n</details>",
  "{{ page.title }}",
  "{{ page.title | upcase }}",
  "{% if page.title %}shown{% endif %}",
  "{% for i in (1..3) %}{{ i }}{% endfor %}",
  "{% raw %}{{ not liquid }}{% endraw %}",
  "{% assign x = 'assigned' %}{{ x }}",
  "{% comment %}hidden{% endcomment %}",
];
const BAD_BLOCKS = [
  "```json\n{ broken: json, }\n```",
  "```python\nprint('never closed')",
  "<div>never closed",
  "<script>alert(1)</script>",
  "{{ site.title }} {{ site.data.values.value }}",
  "{{ page.no_such_key }}",
  "{{ page.title | no_such_filter }}",
  "{% no_such_tag %}",
  "{% if true %}never closed",
  "{{ 'unterminated }}",
  "{% icon fa-check %}",
  "{: .class-attr }",
];

function block(wild: boolean): fc.Arbitrary<Block> {
  const include = fc.oneof(
    { weight: 3, arbitrary: fc.record({ kind: fc.constant("existing" as const), index: fc.nat(20) }) },
    { weight: 1, arbitrary: fc.record({ kind: fc.constant("theme" as const), name: fc.constantFrom('note.html content="A note"', 'callout.html type="warning" content="x"') }) },
    { weight: wild ? 1 : 0, arbitrary: fc.record({ kind: fc.constant("missing" as const), name: fc.constantFrom("missing.html", "Elements/gone.md", "../escape.md") }) },
  );
  const includeRelative = fc.oneof(
    { weight: 3, arbitrary: fc.record({ kind: fc.constant("existing" as const), index: fc.nat(20) }) },
    { weight: wild ? 1 : 0, arbitrary: fc.record({ kind: fc.constant("missing" as const), name: fc.constantFrom("_parts/gone.md", "../../../etc/hostname") }) },
  );
  const external = fc.record({ kind: fc.constant("external" as const), url: pick(wild, ["https://example.com/", "mailto:a@b.c"], ["#alpha", "#nowhere"]) });
  return fc.oneof(
    { weight: 6, arbitrary: pick(wild, GOOD_BLOCKS, BAD_BLOCKS).map((text) => ({ kind: "text" as const, text })) },
    { weight: 3, arbitrary: fc.oneof(target(wild), external).map((to) => ({ kind: "link" as const, to })) },
    { weight: 1, arbitrary: target(wild).map((to) => ({ kind: "image" as const, to })) },
    { weight: 2, arbitrary: include.map((to) => ({ kind: "include" as const, to })) },
    { weight: 2, arbitrary: includeRelative.map((to) => ({ kind: "include-relative" as const, to })) },
  );
}

const GOOD_LAYOUTS = [
  "<main>{{ content }}</main>",
  "<!doctype html><html><head><title>{{ page.title }}</title></head><body>{{ content }}</body></html>",
  "---\nlayout: none\n---\n<section>{{ content }}</section>",
];
const BAD_LAYOUTS = [
  "<main>the layout forgot the content</main>",
  "<main>{% if %}{{ content }}</main>",
  "<main>{% include missing-in-layout.html %}{{ content }}</main>",
  "<main>{{ content | no_such_filter }}</main>",
];
const GOOD_DATA = ["value: plain data\ntitle: Fuzz site\n", '{ "value": "json data" }', "url: https://example.com\n"];
const BAD_DATA = ["value: [unclosed\n", "{ not json", "- a list\n- not a map\n", "", "baseurl: /sub\n", "crm:\n  name: CRM\n"];

function file(wild: boolean): fc.Arbitrary<FileSpec> {
  const body = fc.array(block(wild), { maxLength: 6 });
  const markdown = fc.record({ kind: fc.constant("markdown" as const), front: frontMatter(wild), body });
  return fc
    .oneof(
      { weight: 8, arbitrary: fc.record({ path: pagePath(wild), content: markdown }) },
      { weight: 3, arbitrary: fc.record({ path: staticPath, content: fc.record({ kind: fc.constant("static" as const), binary: fc.boolean() }) }) },
      { weight: 3, arbitrary: fc.record({ path: partialPath, content: fc.record({ kind: fc.constant("partial" as const), body }) }) },
      { weight: 1, arbitrary: fc.record({ path: layoutPath, content: fc.record({ kind: fc.constant("layout" as const), text: pick(wild, GOOD_LAYOUTS, BAD_LAYOUTS) }) }) },
      { weight: 1, arbitrary: fc.record({ path: dataPath, content: fc.record({ kind: fc.constant("data" as const), text: pick(wild, GOOD_DATA, BAD_DATA) }) }) },
    )
    .chain((spec) =>
      fc
        .oneof(
          { weight: wild ? 12 : 20, arbitrary: fc.constant<Encoding>("utf8") },
          { weight: wild ? 2 : 1, arbitrary: fc.constantFrom<Encoding>("bom", "crlf", "large") },
          { weight: wild ? 3 : 0, arbitrary: fc.constantFrom<Encoding>("latin1", "nul", "empty") },
        )
        .map((encoding) => ({ ...spec, encoding })),
    );
}

const linkPath = fc.oneof(pagePath(true), staticPath, partialPath, layoutPath, dataPath, fc.tuple(folders(2), name).map(([dir, n]) => `docs/${dir}${n}`));
function linkTarget(wild: boolean): fc.Arbitrary<LinkTarget> {
  return fc.oneof(
    { weight: 3, arbitrary: fc.record({ kind: fc.constant("file" as const), index: fc.nat(20) }) },
    { weight: 2, arbitrary: fc.record({ kind: fc.constant("folder" as const), index: fc.nat(20) }) },
    { weight: 1, arbitrary: fc.record({ kind: fc.constant("link" as const), index: fc.nat(5) }) },
    { weight: wild ? 2 : 0, arbitrary: fc.record({ kind: fc.constant("secret" as const), name: fc.constantFrom("secret.md", "secret.html", "secret.yml", "folder") }) },
    { weight: wild ? 1 : 0, arbitrary: fc.constant({ kind: "dangling" as const }) },
    { weight: wild ? 1 : 0, arbitrary: fc.constant({ kind: "self" as const }) },
    { weight: wild ? 1 : 0, arbitrary: fc.constant({ kind: "parent" as const }) },
  );
}

/** A page with these front matter keys and an empty body. */
const page = (path: string, entries: Array<[string, string]>): FileSpec => ({
  path,
  content: { kind: "markdown", front: { kind: "keys", entries }, body: [] },
  encoding: "utf8",
});
/** An element's Overview with every key its layout needs. */
const elementIndex = (folder: string, key: string, id: string): FileSpec =>
  page(`docs/elements/${folder}/index.md`, [
    ["title", "Overview"],
    ["heading", JSON.stringify(folder)],
    ["layout", "sidebarelementdoc"],
    ["breadcrumbs", "/docs/elements.html"],
    ["parent", "Back"],
    ["elementKey", key],
    ["elementId", id],
    ["hub", "crm"],
    ["order", "1"],
  ]);
/** Mistakes made of two files that clash: a page beside a file of its URL, two elements with one key or id. */
const clashes: fc.Arbitrary<FileSpec[]> = fc.oneof(
  fc.tuple(folders(1), name).map(([dir, n]) => [
    page(`docs/${dir}${n}.md`, [["title", "Page"], ["layout", "none"]]),
    { path: `docs/${dir}${n}.html`, content: { kind: "static", binary: false }, encoding: "utf8" } satisfies FileSpec,
  ]),
  fc
    .tuple(fc.constantFrom("acme", "tide"), fc.constantFrom("7", "8"), fc.constantFrom("7", "8"))
    .map(([key, id, otherId]) => [elementIndex("acme-crm", key, id), elementIndex("tide-hub", key, otherId)]),
);

/**
 * Pages that every layout links to, so that a tree of well-formed pages can build clean: a failing build is
 * checked too, but only a successful one shows whether every file was published or reported.
 */
const BASE: FileSpec[] = [
  page("docs/elements.md", [["title", "Elements"], ["layout", "none"]]),
  { path: "_layouts/custom.html", content: { kind: "layout", text: GOOD_LAYOUTS[0] }, encoding: "utf8" },
];

function treeOf(wild: boolean): fc.Arbitrary<TreeSpec> {
  return fc
    .record({
      withBase: wild ? fc.boolean() : fc.constant(true),
      files: fc
        .tuple(fc.array(file(wild), { minLength: 1, maxLength: 8 }), wild ? fc.array(clashes, { maxLength: 1 }) : fc.constant([]))
        .map(([files, pairs]) => [...files, ...pairs.flat()]),
      links: fc.oneof(
        { weight: 3, arbitrary: fc.constant<LinkSpec[]>([]) },
        { weight: 2, arbitrary: fc.array(fc.record({ path: linkPath, target: linkTarget(wild) }), { maxLength: 3 }) },
      ),
      alsoCheck: fc.boolean(),
    })
    .map(({ withBase, files, links, alsoCheck }): TreeSpec => ({ files: withBase ? [...BASE, ...files] : files, links, alsoCheck }));
}

/**
 * Most trees hold only what a careful writer would write, so that many build and show where every file went; the
 * rest hold anything at all, and show that a failed build harms nothing.
 */
export const treeSpec: fc.Arbitrary<TreeSpec> = fc.oneof({ weight: 3, arbitrary: treeOf(false) }, { weight: 2, arbitrary: treeOf(true) });
