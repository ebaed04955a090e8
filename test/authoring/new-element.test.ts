// `npm run new-element` and `npm run new-page` on a temporary copy of this repository: one element per
// authentication type, one added page, then one build of the whole tree, and every refusal the commands make.
import fs from "node:fs";
import path from "node:path";
import matter from "gray-matter";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { copyTree } from "../support/fixture-tree.ts";
import { HtmlPage, textOf } from "../support/html-page.ts";
import { REPO_ROOT, runCli, type CliResult } from "../support/run-cli.ts";
import { htmlFiles, jsonBlocks, pageProblems } from "./helpers/built-site.ts";

interface NewElementCase {
  auth: "basic" | "oauth2" | "apikey";
  name: string;
  key: string;
  id: number;
  hub: string;
  hubName: string;
  folder: string;
  extra: string[];
}

const CASES: NewElementCase[] = [
  { auth: "basic", name: "Test Basic Desk", key: "testbasicdesk", id: 90001, hub: "helpdesk", hubName: "Help Desk", folder: "test-basic-desk", extra: [] },
  {
    auth: "oauth2",
    name: "Test OAuth CRM",
    key: "testoauthcrm",
    id: 90002,
    hub: "crm",
    hubName: "CRM",
    folder: "test-oauth-crm",
    extra: ["--events", "webhooks"],
  },
  {
    auth: "apikey",
    name: "Test Key Chat",
    key: "testkeychat",
    id: 90003,
    hub: "messaging",
    hubName: "Messaging",
    folder: "key-chat",
    extra: ["--folder", "key-chat"],
  },
];
const PAGE_ORDER = { "index.md": 1, "api-provider-setup.md": 5, "authenticate.md": 20, "events.md": 30, "bulk.md": 35, "querying.md": 45 };
const SIDEBAR = ["Overview", "API Provider Setup", "Authenticate", "Events", "Bulk", "Querying"];

let tree: string;
let out: string;
const created = new Map<string, CliResult>();
let addedPage: CliResult;
let build: CliResult;
let check: CliResult;

const argsFor = (c: NewElementCase) =>
  ["--source", tree, "--name", c.name, "--key", c.key, "--id", String(c.id), "--hub", c.hub, "--auth", c.auth, ...c.extra];
const frontMatter = (rel: string) => matter(fs.readFileSync(path.join(tree, rel), "utf8"), {}).data as Record<string, unknown>;
const page = (rel: string) => HtmlPage.read(out, rel);

/** Every file under docs/ with its size and modification time: a refusal must leave this exactly as it was. */
function snapshotDocs(): string {
  return fs
    .readdirSync(path.join(tree, "docs"), { recursive: true, withFileTypes: true })
    .map((e) => {
      const full = path.join(e.parentPath, e.name);
      const stat = fs.statSync(full);
      return `${path.relative(tree, full)} ${e.isFile() ? `${stat.size} ${stat.mtimeMs}` : "dir"}`;
    })
    .sort()
    .join("\n");
}

beforeAll(async () => {
  tree = copyTree(REPO_ROOT);
  out = path.join(tree, "_site");
  for (const c of CASES) created.set(c.auth, await runCli("new-element.ts", argsFor(c)));
  addedPage = await runCli("new-page.ts", ["--source", tree, "--element", "key-chat", "--title", "Field Mapping"]);
  // One build and one check run for everything above: each costs about two seconds, so they run side by side.
  [build, check] = await Promise.all([
    runCli("build.ts", ["--source", tree, "--out", out]),
    runCli("check.ts", ["--source", tree, "--strict"]),
  ]);
});

afterAll(() => {
  if (tree) fs.rmSync(tree, { recursive: true, force: true });
});

describe.each(CASES)("new-element --auth $auth", (c) => {
  it("reports the folder it created and exits 0", () => {
    const result = created.get(c.auth)!;
    expect(result.stderr).toBe("");
    expect(result.code).toBe(0);
    expect(result.stdout).toContain(`Created docs/elements/${c.folder}/ with 6 pages`);
  });

  it("writes the six pages with the element's front matter and their sidebar order", () => {
    const dir = `docs/elements/${c.folder}`;
    const added = c.folder === "key-chat" ? ["field-mapping.md"] : [];
    expect(fs.readdirSync(path.join(tree, dir)).sort()).toEqual([...Object.keys(PAGE_ORDER), ...added].sort());
    for (const [file, order] of Object.entries(PAGE_ORDER)) {
      const data = frontMatter(`${dir}/${file}`);
      expect(data, file).toMatchObject({
        heading: c.name,
        elementKey: c.key,
        elementId: c.id,
        hub: c.hub,
        order,
        layout: "sidebarelementdoc",
        breadcrumbs: "/docs/elements.html",
        parent: "Back to Element Guides",
      });
    }
    expect(frontMatter(`${dir}/index.md`).authType).toBe(c.auth);
  });

  it("uses the shared partials of its authentication type", () => {
    const dir = path.join(tree, `docs/elements/${c.folder}`);
    expect(fs.readFileSync(path.join(dir, "authenticate.md"), "utf8")).toContain(`{% include Elements/shared/auth-${c.auth}.md %}`);
    expect(fs.readFileSync(path.join(dir, "api-provider-setup.md"), "utf8")).toContain(
      `{% include Elements/shared/provider-setup-${c.auth}.md %}`,
    );
  });

  it("builds into pages listed in the sidebar in order, with the current page marked", () => {
    const expected = c.folder === "key-chat" ? [...SIDEBAR, "Field Mapping"] : SIDEBAR;
    const links = page(`docs/elements/${c.folder}/authenticate.html`).all("nav.guide__nav a");
    expect(links.map(textOf)).toEqual(expected);
    expect(links.map((a) => a.attribs.href)).toEqual(
      ["index", "api-provider-setup", "authenticate", "events", "bulk", "querying", "field-mapping"]
        .slice(0, expected.length)
        .map((p) => `/docs/elements/${c.folder}/${p}.html`),
    );
    expect(links.filter((a) => a.attribs["aria-current"] === "page").map(textOf)).toEqual(["Authenticate"]);
  });

  it("appears in the catalog under its hub", () => {
    const catalog = page("docs/elements.html");
    const links = catalog.all(`section[aria-labelledby="hub-${c.hub}"] a[href="/docs/elements/${c.folder}/index.html"]`);
    expect(links.map(textOf)).toEqual([c.name]);
  });

  it("shows an /instances body and an example response that match the element", () => {
    const blocks = jsonBlocks(page(`docs/elements/${c.folder}/authenticate.html`)).map((t) => JSON.parse(t));
    const body = blocks.find((b) => b.element?.key === c.key && b.configuration);
    expect(body).toBeDefined();
    const keys = Object.keys(body.configuration);
    if (c.auth === "basic") expect(keys).toEqual([`${c.key}.username`, `${c.key}.password`]);
    if (c.auth === "apikey") expect(keys).toEqual([`${c.key}.api.key`]);
    if (c.auth === "oauth2") {
      expect(keys).toEqual(["oauth.api.key", "oauth.api.secret", "oauth.callback.url"]);
      expect(body.providerData).toEqual({ code: "<AUTHORIZATION_CODE>" });
    }
    const response = blocks.find((b) => b.token && b.element);
    expect(response.element).toMatchObject({ id: c.id, key: c.key, hub: c.hub, name: c.name, authentication: { type: c.auth } });
  });

  it("says how events arrive", () => {
    const events = page(`docs/elements/${c.folder}/events.html`);
    const webhooks = c.extra.includes("webhooks");
    expect(events.ids().has(webhooks ? "how-webhooks-work" : "how-polling-works")).toBe(true);
    expect(page(`docs/elements/${c.folder}/index.html`).text("article")).toContain(webhooks ? "Webhooks:" : "Polling:");
  });

  it("has valid JSON examples, working links and no raw HTML-looking text on any page", () => {
    expect(htmlFiles(out, `docs/elements/${c.folder}`).flatMap((f) => pageProblems(out, f))).toEqual([]);
  });
});

describe("the tree with three new elements and a new page", () => {
  it("builds without problems", () => {
    expect(build.stderr).toBe("");
    expect(build.code).toBe(0);
  });

  it("passes npm run check --strict with no errors and no warnings", () => {
    expect(check.code, check.stdout + check.stderr).toBe(0);
    expect(check.stderr).toContain("0 errors, 0 warnings");
  });
});

describe("new-page", () => {
  it("adds the page five past the highest order, with the element-wide front matter of index.md", () => {
    expect(addedPage.stderr).toBe("");
    expect(addedPage.code).toBe(0);
    expect(addedPage.stdout).toContain("Created docs/elements/key-chat/field-mapping.md (order 50)");
    const data = frontMatter("docs/elements/key-chat/field-mapping.md");
    expect(data).toEqual({
      heading: "Test Key Chat",
      elementId: 90003,
      elementKey: "testkeychat",
      hub: "messaging",
      layout: "sidebarelementdoc",
      breadcrumbs: "/docs/elements.html",
      parent: "Back to Element Guides",
      seo: "Field Mapping | Test Key Chat | Element Guides",
      title: "Field Mapping",
      description: "Field Mapping with the Test Key Chat element.",
      order: 50,
    });
    expect(page("docs/elements/key-chat/field-mapping.html").text("h1")).toBe("Field Mapping");
  });

  it.each([
    [["--element", "key-chat", "--title", "Bulk"], "docs/elements/key-chat/bulk.md already exists; choose another --slug"],
    [["--element", "key-chta", "--title", "Webhooks"], `--element "key-chta": docs/elements/key-chta/ does not exist (did you mean "key-chat"?)`],
    [["--element", "key-chat", "--title", "Home", "--slug", "index"], `--slug "index" is the element's Overview page`],
    [["--element", "key-chat", "--title", "Rates: and Limits"], `--title "Rates: and Limits" must start with a letter or digit`],
    [["--title", "Webhooks"], "--element is required"],
  ])("refuses %j", async (args, message) => {
    const before = snapshotDocs();
    const result = await runCli("new-page.ts", ["--source", tree, ...args]);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(`new-page: ${message}`);
    expect(result.stderr.trimEnd().split("\n").at(-1)).toBe("new-page: nothing was written.");
    expect(snapshotDocs()).toBe(before);
  });

  it("takes a title in another script, with the --slug its file name needs", async () => {
    const result = await runCli("new-page.ts", ["--source", tree, "--element", "key-chat", "--title", "이벤트", "--slug", "events-ko"]);
    expect(result.code, result.stderr).toBe(0);
    const written = fs.readFileSync(path.join(tree, "docs/elements/key-chat/events-ko.md"), "utf8");
    expect(written).toMatch(/^title: 이벤트$/m);
    fs.rmSync(path.join(tree, "docs/elements/key-chat/events-ko.md"));
  });
});

describe("new-element refuses, writes nothing, and says what to fix", () => {
  const base = { name: "Refused Element", key: "refusedelement", id: "90100", hub: "crm", auth: "basic" };
  const argv = (overrides: Partial<typeof base> & { folder?: string }) =>
    Object.entries({ ...base, ...overrides }).flatMap(([flag, value]) => [`--${flag}`, value]);

  it.each([
    ["an existing element folder", { name: "Test Basic Desk" }, "docs/elements/test-basic-desk/ already exists; pass --folder with another name"],
    ["an existing --folder", { folder: "autotask-crm" }, "docs/elements/autotask-crm/ already exists; choose another --folder"],
    ["a duplicate elementId", { id: "50" }, "--id 50 is already the elementId of Autotask CRM, docs/elements/autotask-crm/"],
    ["a duplicate elementKey", { key: "autotaskcrm" }, `--key "autotaskcrm" is already the elementKey of Autotask CRM, docs/elements/autotask-crm/`],
    ["a key created a moment ago", { key: "testoauthcrm" }, `--key "testoauthcrm" is already the elementKey of Test OAuth CRM`],
    ["an unknown hub", { hub: "helpdesc" }, `--hub "helpdesc" is not a hub in _data/hubs.yml (did you mean "helpdesk"?)`],
    ["an unsupported auth type", { auth: "saml" }, `--auth "saml" is not supported; use basic, oauth2, apikey`],
    ["an ID that is not a number", { id: "12a" }, `--id "12a" must be a positive whole number`],
    ["a key with capitals", { key: "RefusedElement" }, `--key "RefusedElement" must be lower-case letters and digits`],
  ])("refuses %s", async (_what, overrides, message) => {
    const before = snapshotDocs();
    const result = await runCli("new-element.ts", ["--source", tree, ...argv(overrides)]);
    expect(result.code).toBe(1);
    expect(result.stdout).toBe("");
    expect(result.stderr).toContain(`new-element: ${message}`);
    // One line per problem, then the reassurance; no stack traces.
    expect(result.stderr.trimEnd().split("\n")).toHaveLength(2);
    expect(result.stderr).not.toMatch(/\n\s+at /);
    expect(snapshotDocs()).toBe(before);
  });

  it("lists every problem at once, one line each", async () => {
    const before = snapshotDocs();
    const result = await runCli("new-element.ts", ["--source", tree, ...argv({ id: "50", key: "autotaskcrm", hub: "nowhere", auth: "saml" })]);
    expect(result.code).toBe(1);
    const lines = result.stderr.trimEnd().split("\n");
    expect(lines).toHaveLength(5);
    expect(lines.every((line) => line.startsWith("new-element: "))).toBe(true);
    expect(snapshotDocs()).toBe(before);
  });

  it("asks for the missing flags when it cannot prompt", async () => {
    // The child's stdin is a pipe, not a terminal, so there is no prompt to fall back on.
    const result = await runCli("new-element.ts", ["--source", tree, "--name", "Half Done"]);
    expect(result.code).toBe(1);
    for (const flag of ["--key", "--id", "--hub", "--auth"]) expect(result.stderr).toContain(`new-element: ${flag} is required`);
    expect(fs.existsSync(path.join(tree, "docs/elements/half-done"))).toBe(false);
  });

  it("refuses an unknown flag with the usage line", async () => {
    const result = await runCli("new-element.ts", ["--source", tree, ...argv({}), "--colour", "blue"]);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain("--colour");
    expect(result.stderr).toContain("Usage: npm run new-element");
  });
});
