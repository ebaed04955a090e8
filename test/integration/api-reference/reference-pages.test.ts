// An element's OpenAPI document becomes pages of the site: an overview and one page per tag, with stable heading
// ids, schema tables and examples. Built from a fixture tree, read as HTML.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { buildSite, type SiteBuild } from "../../../src/build/build-site.ts";
import { writeFiles } from "../../support/fixture-tree.ts";
import { HtmlPage, textOf } from "../../support/html-page.ts";

const FIXTURES = path.resolve(import.meta.dirname, "../../fixtures/openapi");
const fixture = (name: string) => fs.readFileSync(path.join(FIXTURES, name), "utf8");
const guide = (title: string, order: number, body = "") =>
  `---\nheading: Acme Shop\ntitle: ${title}\nlayout: sidebarelementdoc\norder: ${order}\nbreadcrumbs: /docs/elements.html\nparent: Back to Element Guides\nhub: crm\n---\n# ${title}\n\n${body}\n`;

let site: SiteBuild;
const page = (outputPath: string): HtmlPage => {
  const output = site.outputs.find((o) => o.outputPath === outputPath);
  if (!output) throw new Error(`${outputPath} was not made; made: ${site.outputs.map((o) => o.outputPath).join(", ")}`);
  return new HtmlPage(output.html);
};
/** The rows of a table as "first cell | second cell | …" lines, whitespace squeezed. */
const rows = (table: HtmlPage, selector: string) =>
  table.all(`${selector} tbody tr`).map((row) => row.children.filter((c) => c.type === "tag").map((cell) => textOf(cell as never).replace(/\s+/g, " ").trim()).join(" | ").trimEnd());

beforeAll(async () => {
  const tree = fs.mkdtempSync(path.join(os.tmpdir(), "element-guides-reference-"));
  writeFiles(tree, {
    "_config.yml": "title: Test\n",
    "_data/hubs.yml": "- key: crm\n  name: CRM\n",
    "docs/elements/acme-shop/index.md": guide("Overview", 1),
    "docs/elements/acme-shop/events.md": guide("Events", 30),
    "docs/elements/acme-shop/openapi.yaml": fixture("every-construct.yaml"),
    "docs/elements/old-crm/index.md": guide("Overview", 1).replace("Acme Shop", "Old CRM"),
    "docs/elements/old-crm/swagger.json": fixture("contacts-swagger2.json"),
  });
  site = await buildSite({ sourceDir: tree, workers: 0, cacheDir: false });
});

describe("the pages of a reference", () => {
  it("are an overview and one page per tag, after the guide's pages in its sidebar", () => {
    const overview = page("docs/elements/acme-shop/api-reference.html");
    expect(overview.texts("nav.guide__nav a")).toEqual(["Overview", "Events", "API reference", "Orders", "Shipping"]);
    expect(overview.one('nav.guide__nav a[aria-current="page"]').attribs.href).toBe("/docs/elements/acme-shop/api-reference.html");
    expect(page("docs/elements/acme-shop/api-reference/orders.html").text("article h1")).toBe("Orders");
    expect(page("docs/elements/acme-shop/api-reference/shipping.html").text("article h1")).toBe("Shipping");
  });

  it("give every operation, tag and schema a stable heading id", () => {
    const overview = page("docs/elements/acme-shop/api-reference.html").ids();
    for (const id of ["servers", "authentication", "operations", "schemas", "tag-orders", "tag-shipping"]) expect(overview).toContain(id);
    for (const id of ["schema-neworder", "schema-order", "schema-line", "schema-card", "schema-invoice", "schema-shipment", "schema-problem"]) {
      expect(overview).toContain(id);
    }
    expect(page("docs/elements/acme-shop/api-reference/orders.html").texts("article h2")).toEqual(["List orders", "Create an order"]);
    const orders = page("docs/elements/acme-shop/api-reference/orders.html").ids();
    expect(orders.has("listorders") && orders.has("createorder")).toBe(true);
    // Without an operationId, the method and the path's words.
    expect(page("docs/elements/acme-shop/api-reference/shipping.html").ids()).toContain("get-shipments-shipmentid");
  });

  it("lists each operation's method and path, and links the overview's operations to them", () => {
    const orders = page("docs/elements/acme-shop/api-reference/orders.html");
    expect(orders.texts("#listorders ~ .api-endpoint, section[aria-labelledby=listorders] .api-endpoint")).toContain("GET /orders");
    const links = page("docs/elements/acme-shop/api-reference.html").all(".api-operations a").map((a) => a.attribs.href);
    expect(links).toEqual([
      "/docs/elements/acme-shop/api-reference/orders.html#listorders",
      "/docs/elements/acme-shop/api-reference/orders.html#createorder",
      "/docs/elements/acme-shop/api-reference/shipping.html#get-shipments-shipmentid",
    ]);
  });

  it("shows parameters with where they go, their type, whether they are required and their allowed values", () => {
    const orders = page("docs/elements/acme-shop/api-reference/orders.html");
    expect(rows(orders, "section[aria-labelledby=listorders] table.api-parameters")).toEqual([
      "status Required | query | string | Allowed values: open, shipped, cancelled",
      "since | query | string (date-time) |",
    ]);
  });

  it("shows a request body as a table: nested arrays, oneOf options, formats, bounds, patterns", () => {
    const orders = page("docs/elements/acme-shop/api-reference/orders.html");
    const body = rows(orders, "section[aria-labelledby=createorder] .api-schema table");
    expect(body[0]).toBe("lines Required | array of array of Line | Parcels, each a list of lines.");
    expect(body).toContain("lines[][].sku Required | string | Pattern: ^[A-Z]-[0-9]+$");
    expect(body).toContain("lines[][].quantity Required | integer | 1 to 99");
    expect(body).toContain("payment | One of: Card | Invoice |");
    expect(body).toContain("payment.(Card).number Required | string |");
    expect(body).toContain("payment.(Invoice).email | string (email) |");
    expect(body).toContain("note | string | at most 500 characters");
    // A named schema's type links to its section on the overview.
    const line = orders.all("section[aria-labelledby=createorder] .api-type a").find((a) => textOf(a) === "Line");
    expect(line?.attribs.href).toBe("/docs/elements/acme-shop/api-reference.html#schema-line");
  });

  it("cuts a recursive schema where it meets itself, and shows a broken $ref as any value", () => {
    const overview = page("docs/elements/acme-shop/api-reference.html");
    expect(rows(overview, "section[aria-labelledby=schema-shipment] table")).toEqual(["id | integer (int64) |", "split | array of Shipment |"]);
    expect(rows(overview, "section[aria-labelledby=schema-order] table")).toContain("coupon | any |");
    expect(rows(overview, "section[aria-labelledby=schema-order] table")).toContain("id Required Read only | string |");
    expect(overview.text("section[aria-labelledby=schema-problem] .api-note")).toBe("No other properties are allowed.");
    const broken = site.diagnostics.items.find((d) => d.code === "openapi-ref" && d.file === "docs/elements/acme-shop/openapi.yaml");
    expect(broken?.line).toBe(fixture("every-construct.yaml").split("\n").findIndex((l) => l.includes("Cupon")) + 1);
  });

  it("writes {{ and {% of descriptions as text: they are never run as Liquid", () => {
    const overview = page("docs/elements/acme-shop/api-reference.html");
    expect(overview.text(".api-reference .api-description")).toContain("Mail templates write {{ order.id }} and {{ customer.name }} in their text.");
    expect(overview.html).toContain("{% if %} is text here.");
    expect(page("docs/elements/acme-shop/api-reference/orders.html").text("section[aria-labelledby=listorders] .api-description")).toBe(
      "Orders, newest first. {{ not.liquid }} stays text.",
    );
  });

  it("gives example requests in curl, JavaScript and Python, highlighted like the guides' code", () => {
    const create = page("docs/elements/acme-shop/api-reference/orders.html");
    const blocks = create.all("section[aria-labelledby=createorder] .code-block").map((block) => block.attribs["data-lang"]);
    expect(blocks.slice(0, 3)).toEqual(["bash", "javascript", "python"]);
    const curl = create.texts("section[aria-labelledby=createorder] .code-block[data-lang=bash] pre")[0];
    expect(curl).toContain("curl -X POST 'https://api.acme.example/v1/orders'");
    expect(curl).toContain("-H 'Authorization: Bearer <access-token>'");
    expect(create.one("section[aria-labelledby=createorder] .code-block[data-lang=bash] pre").attribs.class).toContain("shiki");
    const python = create.texts("section[aria-labelledby=createorder] .code-block[data-lang=python] pre")[0];
    expect(python).toContain("requests.post(");
    expect(create.texts("section[aria-labelledby=listorders] .code-block[data-lang=bash] pre")[0]).toContain("/orders?status=open");
  });

  it("shows the document's example response, or one made from the schema", () => {
    const orders = page("docs/elements/acme-shop/api-reference/orders.html");
    const created = JSON.parse(orders.texts("section[aria-labelledby=createorder] .code-block[data-lang=json] pre")[0]);
    expect(created).toEqual({ id: "ord_1", status: "open", lines: [[{ sku: "A-1", quantity: 2 }]] });
    const listed = JSON.parse(orders.texts("section[aria-labelledby=listorders] .code-block[data-lang=json] pre")[0]);
    expect(listed[0]).toMatchObject({ id: "string", status: "open" });
    expect(orders.text("section[aria-labelledby=listorders] .api-example__label")).toContain("Made from the schema");
    // An error response without an example of its own gets none made up: its table says it all.
    expect(orders.texts("section[aria-labelledby=createorder] .api-examples .api-example__label, section[aria-labelledby=createorder] .api-examples summary")).toEqual([
      "JavaScript (fetch)",
      "Python (requests)",
      "201",
    ]);
  });

  it("reads a Swagger 2.0 document into the same pages", () => {
    const overview = page("docs/elements/old-crm/api-reference.html");
    expect(overview.ids()).toContain("schema-contact");
    const contacts = page("docs/elements/old-crm/api-reference/contacts.html");
    expect(contacts.ids()).toContain("listcontacts");
    expect(rows(contacts, "section[aria-labelledby=listcontacts] table.api-parameters")[0]).toMatch(/^limit \| query \| integer \| How many to return\./);
  });

  it("puts the reference in the search index with the element's hub and element filters", () => {
    const article = page("docs/elements/acme-shop/api-reference/orders.html").one("article[data-pagefind-body]");
    expect(article.attribs["data-pagefind-filter"]).toBe("hub[data-hub], element[data-element]");
    expect(article.attribs["data-element"]).toBe("Acme Shop");
    expect(article.attribs["data-hub"]).toBe("CRM");
  });

  it("lists the operations of a tag page under On this page", () => {
    expect(page("docs/elements/acme-shop/api-reference/orders.html").texts(".toc a")).toEqual(["List orders", "Create an order"]);
  });
});
