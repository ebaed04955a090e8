// `npm start` keeps serving when a writer saves a mistake: the page shows the error instead of a stale copy, and
// comes back on the next good save. Also: a save re-renders and writes only what it affects; the preview writes
// nothing into the source tree; every response carries the site's Content-Security-Policy.
import fs from "node:fs";
import http from "node:http";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ERROR_PAGE_STYLESHEET } from "../../src/dev/error-page.ts";
import { CONTENT_SECURITY_POLICY } from "../../src/render/content-security-policy.ts";
import { jekyllCompatTree } from "../support/fixture-tree.ts";
import { REPO_ROOT } from "../support/run-cli.ts";
import { PreviewProcess } from "./preview-process.ts";

let tree: string;
let treeFiles: string[];
let preview: PreviewProcess;
const EVENTS = "docs/elements/tidewater-crm/events.md";
const EVENTS_URL = "/docs/elements/tidewater-crm/events.html";

const read = (rel: string) => fs.readFileSync(path.join(tree, rel), "utf8");
const save = (rel: string, text: string) => fs.writeFileSync(path.join(tree, rel), text);
const isError = (html: string) => html.includes("data-element-guides-error");
const hasBanner = (html: string) => html.includes("data-element-guides-problems");
const lineOf = (text: string, needle: string) => text.split("\n").findIndex((line) => line.includes(needle)) + 1;
const listTree = () => fs.readdirSync(tree, { recursive: true, encoding: "utf8" }).sort();

beforeAll(async () => {
  tree = jekyllCompatTree();
  // The tree's own copy of our base layout, so that a test can edit a layout without touching the repository's.
  fs.mkdirSync(path.join(tree, "_layouts"));
  fs.copyFileSync(path.join(REPO_ROOT, "_layouts/base.liquid"), path.join(tree, "_layouts/base.liquid"));
  treeFiles = listTree();
  preview = await PreviewProcess.start(tree);
});

afterAll(async () => {
  await preview?.stop();
  if (tree) fs.rmSync(tree, { recursive: true, force: true });
});

describe("live preview: mistakes show in the browser", () => {
  it("serves the page before anything breaks", async () => {
    const { status, html } = await preview.fetch(EVENTS_URL);
    expect(status).toBe(200);
    expect(html).toContain("<h1");
    expect(isError(html)).toBe(false);
  });

  it("serves the page at its address with a doubled slash in front, as a static host does, not the home page", async () => {
    // fetch() would read `//docs/…` as a URL of the host `docs`: the path is sent as written.
    const html = await new Promise<string>((resolve, reject) => {
      http.get({ host: "127.0.0.1", port: preview.port, path: `/${EVENTS_URL}` }, (res) => {
        let body = "";
        res.on("data", (chunk) => (body += chunk));
        res.on("end", () => resolve(body));
      }).on("error", reject);
    });
    expect(html).toContain("<h1");
    expect(html).toContain("<title>Events");
  });

  const original = () => read(EVENTS);
  // A page that cannot be read at all shows an error page in its place; a page with a Liquid problem is rendered as
  // well as it can be (as the build writes it) with a banner naming the problem.
  const cases: Array<{ name: string; shows: "error page" | "banner"; break: (text: string) => string; expect: (text: string) => string[] }> = [
    {
      name: "an undefined Liquid variable",
      shows: "banner",
      break: (text) => text.replace("# Events", "# Events {{ page.nosuchthing }}"),
      expect: (broken) => [`${EVENTS}:${lineOf(broken, "page.nosuchthing")}`, "Undefined variable &quot;page.nosuchthing&quot;"],
    },
    {
      name: "front matter that is not YAML",
      shows: "error page",
      break: (text) => text.replace("title: Events", "title: [Events"),
      expect: () => [EVENTS, "Front matter is not valid YAML", "Hint: "],
    },
    {
      name: "an unknown layout",
      shows: "banner",
      break: (text) => text.replace("layout: sidebarelementdoc", "layout: sidebarelementdocc"),
      expect: (broken) => [`${EVENTS}:${lineOf(broken, "layout:")}`, "unknown layout &quot;sidebarelementdocc&quot;"],
    },
    {
      name: "a missing include",
      shows: "banner",
      break: (text) => text.replace("{% include Elements/tidewater/events.md %}", "{% include Elements/tidewater/no-such-file.md %}"),
      expect: (broken) => [`${EVENTS}:${lineOf(broken, "no-such-file")}`, "no-such-file.md"],
    },
  ];

  for (const c of cases) {
    it(`shows ${c.name} at the page's URL (${c.shows}), then the page again once fixed`, async () => {
      const good = original();
      const broken = c.break(good);
      expect(broken).not.toBe(good);
      const stderrBefore = preview.stderr.length;
      save(EVENTS, broken);
      const html = await preview.waitForPage(EVENTS_URL, `the ${c.shows}`, c.shows === "banner" ? hasBanner : isError);
      for (const text of c.expect(broken)) expect(html).toContain(text);
      // As Vite answers a page that failed: a script or link checker run against the preview sees it.
      const answered = await preview.fetch(EVENTS_URL);
      expect(answered.status).toBe(c.shows === "error page" ? 500 : 200);
      expect(answered.headers.get("content-security-policy")).toBe(CONTENT_SECURITY_POLICY);
      if (c.shows === "error page") {
        // Needs nothing from the site, which may be what broke: only the preview's own stylesheet (not inline: the
        // Content-Security-Policy forbids <style>), and the dev server's reload script.
        expect(html.match(/<link\b[^>]*>/g)).toEqual([`<link rel="stylesheet" href="${ERROR_PAGE_STYLESHEET}">`]);
        expect(html).not.toMatch(/<style\b|<img\b|src="http/);
      } else {
        expect(html).toContain("<h1");
      }
      // The terminal shows it too, and the other pages still serve.
      expect(preview.stderr.slice(stderrBefore)).toContain(EVENTS);
      expect(isError((await preview.fetch("/docs/elements/tidewater-crm/setup.html")).html)).toBe(false);

      save(EVENTS, good);
      const fixed = await preview.waitForPage(EVENTS_URL, "the page again", (h) => !isError(h) && !hasBanner(h));
      expect(fixed).toContain("<h1");
      expect((await preview.fetch(EVENTS_URL)).status).toBe(200);
    });
  }

  it("escapes what the writer typed", async () => {
    const good = read(EVENTS);
    // The layout's name comes back in the problem's message.
    save(EVENTS, good.replace("layout: sidebarelementdoc", 'layout: "<script>alert(1)</script>"'));
    const html = await preview.waitForPage(EVENTS_URL, "the problem", (h) => isError(h) || hasBanner(h));
    expect(html).not.toContain("<script>alert(1)");
    expect(html).toContain("&lt;script&gt;alert(1)");
    save(EVENTS, good);
    await preview.waitForPage(EVENTS_URL, "the page again", (h) => !isError(h) && !hasBanner(h));
  });

  it("shows a broken data file on every page, and recovers", async () => {
    const hubs = read("_data/hubs.yml");
    const stylesheet = /<link rel="stylesheet" href="([^"]+)"/.exec((await preview.fetch(EVENTS_URL)).html)![1];
    expect((await preview.fetch("/_headers")).status).toBe(200);
    save("_data/hubs.yml", hubs + "\n  broken: [yes\n");
    for (const url of [EVENTS_URL, "/docs/elements.html", "/"]) {
      const html = await preview.waitForPage(url, "the data error", isError);
      expect(html).toContain("_data/hubs.yml");
      expect((await preview.fetch(url)).status).toBe(500);
    }
    // What is not a page is no error page: the site's stylesheet still serves.
    const css = await preview.fetch(stylesheet);
    expect(css.status).toBe(200);
    expect(css.headers.get("content-type")).toMatch(/^text\/css/);
    expect(isError(css.html)).toBe(false);
    // Nor is a file of the site without an extension, once written.
    const headers = await preview.fetch("/_headers");
    expect(headers.status).toBe(200);
    expect(isError(headers.html)).toBe(false);
    save("_data/hubs.yml", hubs);
    for (const url of [EVENTS_URL, "/docs/elements.html", "/"]) {
      await preview.waitForPage(url, "the page again", (h) => !isError(h));
    }
  });

  it("puts a banner on a page that built with problems", async () => {
    const setup = "docs/elements/tidewater-crm/setup.md";
    const good = read(setup);
    save(setup, good + "\n[A broken anchor](events.html#no-such-section)\n");
    const html = await preview.waitForPage("/docs/elements/tidewater-crm/setup.html", "the banner", (h) =>
      h.includes("data-element-guides-problems"),
    );
    expect(isError(html)).toBe(false);
    expect(html).toContain("no-such-section");
    save(setup, good);
    await preview.waitForPage("/docs/elements/tidewater-crm/setup.html", "no banner", (h) => !h.includes("data-element-guides-problems"));
  });
});

describe("live preview: a save rebuilds only what it affects", () => {
  it("editing a page's text writes only that page (and its Markdown twin)", async () => {
    const good = read(EVENTS);
    const writes = await preview.writesAfter(() => save(EVENTS, good + "\nOne more paragraph.\n"));
    expect(writes.sort()).toEqual(["docs/elements/tidewater-crm/events.html", "docs/elements/tidewater-crm/events.md"]);
    await preview.writesAfter(() => save(EVENTS, good));
  });

  it("editing an include writes only the pages that use it", async () => {
    const include = "_includes/Elements/tidewater/events.md";
    const users = ["docs/elements/tidewater-crm", "docs/elements/tidewater-support"]
      .flatMap((dir) => fs.readdirSync(path.join(tree, dir)).map((name) => `${dir}/${name}`))
      .filter((file) => file.endsWith(".md") && read(file).includes("Elements/tidewater/events.md"))
      .flatMap((file) => [file.replace(/\.md$/, ".html"), file]);
    expect(users.length).toBeGreaterThan(0);
    const good = read(include);
    const writes = await preview.writesAfter(() => save(include, good + "\nAn added sentence.\n"));
    expect(writes.sort()).toEqual(users.sort());
    await preview.writesAfter(() => save(include, good));
  });

  it("editing a layout writes every page", async () => {
    const layout = "_layouts/base.liquid";
    const good = read(layout);
    const pages = fs.readdirSync(path.join(tree, "docs/elements/tidewater-crm")).filter((n) => n.endsWith(".md"));
    const writes = await preview.writesAfter(() => save(layout, good.replace("</body>", "<!-- edited --></body>")));
    expect(writes).toContain("index.html");
    expect(writes).toContain("docs/elements.html");
    for (const name of pages) {
      if (read(`docs/elements/tidewater-crm/${name}`).includes("published: false")) continue;
      expect(writes).toContain(`docs/elements/tidewater-crm/${name.replace(/\.md$/, ".html")}`);
    }
    await preview.writesAfter(() => save(layout, good));
  });
});

describe("live preview: a hostile request", () => {
  it("answers a path that climbs out of the site with 400 and goes on serving", async () => {
    const bad = await preview.fetch("/..%2f..%2fetc/passwd");
    expect(bad.status).toBe(400);
    expect(bad.html).not.toContain("root:");
    expect((await preview.fetch(EVENTS_URL)).status).toBe(200);
  });
});

describe("live preview: the source tree and its _site/ stay as they were", () => {
  it("has written no file into the tree after all those saves, error pages included", () => {
    expect(listTree()).toEqual(treeFiles);
    expect(fs.existsSync(path.join(tree, "_site"))).toBe(false);
  });
});

describe("live preview: the site's Content-Security-Policy on every response", () => {
  const responses: Array<[string, string, number]> = [
    ["a page", EVENTS_URL, 200],
    ["a stylesheet of the site", "", 200],
    ["the dev server's reload script", "/.11ty/reload-client.js", 200],
    ["the error page's stylesheet", ERROR_PAGE_STYLESHEET, 200],
    ["a missing page (the site's 404 page)", "/docs/no-such-page.html", 404],
  ];
  for (const [what, address, status] of responses) {
    it(`sends it with ${what}`, async () => {
      // The first stylesheet the page links, whatever its versioned name.
      const url = address || /<link rel="stylesheet" href="([^"]+)"/.exec((await preview.fetch(EVENTS_URL)).html)![1];
      const response = await preview.fetch(url);
      expect(response.status).toBe(status);
      expect(response.headers.get("content-security-policy")).toBe(CONTENT_SECURITY_POLICY);
    });
  }

  it("serves the error page's stylesheet as CSS", async () => {
    const response = await preview.fetch(ERROR_PAGE_STYLESHEET);
    expect(response.headers.get("content-type")).toMatch(/^text\/css/);
    expect(response.html).toContain("pre.src");
  });
});
