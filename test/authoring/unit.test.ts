// The pieces of new-element and new-page that need no child process: naming, placeholders, ordering, prompting,
// and what happens when a writer breaks a template.
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { AuthoringError } from "../../src/authoring/authoring-error.ts";
import { DISPLAY_NAME, slugify } from "../../src/authoring/names.ts";
import { SiteFacts, planElement } from "../../src/authoring/new-element.ts";
import { nextOrder, planPage } from "../../src/authoring/new-page.ts";
import { askMissing } from "../../src/authoring/prompt.ts";
import { fillPlaceholders } from "../../src/authoring/templates.ts";
import { writeFiles } from "../support/fixture-tree.ts";
import { smallTree } from "./helpers/small-tree.ts";

const REQUEST = { name: "Acme Desk", key: "acmedesk", id: "777", hub: "helpdesk", auth: "basic" };

describe("names", () => {
  it("makes folder names from element names", () => {
    expect(slugify("Autotask Help Desk")).toBe("autotask-help-desk");
    expect(slugify("NetSuite 2016 CRM")).toBe("netsuite-2016-crm");
    expect(slugify("  Café & Co. (EU) ")).toBe("cafe-co-eu");
    expect(slugify("!!!")).toBe("");
  });

  it("accepts display names that are safe in YAML and Markdown, and no others", () => {
    for (const ok of ["Salesforce Sales Cloud", "NetSuite 2016 CRM", "Microsoft Dynamics 365 (Online)", "Box"]) {
      expect(DISPLAY_NAME.test(ok), ok).toBe(true);
    }
    for (const bad of ["Acme: CRM", "#1 CRM", "- List", "Acme <b>", "A | B", ""]) expect(DISPLAY_NAME.test(bad), bad).toBe(false);
  });
});

describe("fillPlaceholders", () => {
  it("fills every placeholder, with or without spaces inside the brackets", () => {
    expect(fillPlaceholders("heading: [% name %] ([%key%])", { name: "Acme", key: "acme" }, "t.md")).toBe("heading: Acme (acme)");
  });

  it("names the template and the placeholder it does not know", () => {
    expect(() => fillPlaceholders("[% name %] [% nmae %]", { name: "Acme" }, "templates/element/index.md")).toThrow(
      "templates/element/index.md uses [% nmae %], which is not a known placeholder",
    );
  });

  it("leaves Liquid alone", () => {
    const liquid = "{{ page.heading }} {% include Elements/shared/auth-basic.md %}";
    expect(fillPlaceholders(liquid, {}, "t.md")).toBe(liquid);
  });
});

describe("nextOrder", () => {
  it("puts a page five after the last one", () => {
    expect(nextOrder([1, 5, 20, 30, 35, 45])).toBe(50);
    expect(nextOrder([])).toBe(5);
  });

  it("moves on by one while the number is taken", () => {
    // Orders can repeat in Jekyll-era folders; the new page never shares a number with an existing one.
    expect(nextOrder([45, 45])).toBe(50);
    expect(nextOrder([3, 8])).toBe(13);
  });
});

describe("askMissing", () => {
  it("asks only for missing values, repeats a question until the answer passes, and offers suggestions", async () => {
    const answers = ["", "Acme Desk", "", "x"];
    const asked: string[] = [];
    const said: string[] = [];
    const result = await askMissing(
      [
        { field: "name", label: "Name", check: (v) => (v ? undefined : "a name is required") },
        { field: "key", label: "Key", suggest: (a) => a.name?.toLowerCase().replace(/ /g, ""), check: () => undefined },
        { field: "hub", label: "Hub", check: () => undefined },
        { field: "auth", label: "Auth", check: (v) => (v === "x" ? undefined : "bad") },
      ],
      { hub: "crm" },
      async (question) => {
        asked.push(question);
        return answers.shift() ?? "";
      },
      (line) => said.push(line),
    );
    expect(result).toEqual({ name: "Acme Desk", key: "acmedesk", hub: "crm", auth: "x" });
    expect(asked).toEqual(["Name: ", "Name: ", "Key [acmedesk]: ", "Auth: "]);
    expect(said).toEqual(["  a name is required"]);
  });
});

describe("planElement", () => {
  it("renders all six pages in memory and writes nothing", () => {
    const tree = smallTree();
    const plan = planElement(REQUEST, new SiteFacts(tree));
    expect(plan.dir).toBe("docs/elements/acme-desk");
    expect(plan.files.map((f) => f.name)).toEqual([
      "api-provider-setup.md",
      "authenticate.md",
      "bulk.md",
      "events.md",
      "index.md",
      "querying.md",
    ]);
    expect(plan.files.find((f) => f.name === "bulk.md")!.content).toContain("bulkObject: tickets");
    expect(fs.existsSync(path.join(tree, plan.dir))).toBe(false);
  });

  it("blames a template that no longer says what was asked for", () => {
    const tree = smallTree();
    const broken = fs.readFileSync(path.join(tree, "templates/element/index.md"), "utf8").replace("heading: [% name %]", "heading: Fixed Name");
    writeFiles(tree, { "templates/element/index.md": broken });
    const error = catchError(() => planElement(REQUEST, new SiteFacts(tree)));
    expect(error.problems).toEqual([
      "templates/element/index.md gives heading: Fixed Name instead of Acme Desk; fix the template's front matter",
    ]);
  });

  it("blames a template with an unknown placeholder", () => {
    const tree = smallTree();
    writeFiles(tree, { "templates/element/extra.md": "---\nheading: [% name %]\ntitle: [% titel %]\n---\n" });
    expect(catchError(() => planElement(REQUEST, new SiteFacts(tree))).problems).toEqual([
      "templates/element/extra.md uses [% titel %], which is not a known placeholder (see templates/README.md)",
    ]);
  });
});

describe("planPage", () => {
  it("copies Jekyll-era hdOrcrm from the element's index.md", () => {
    const tree = smallTree();
    const plan = planPage({ element: "autotask-crm", title: "Webhooks" }, tree);
    expect(plan.file).toBe("docs/elements/autotask-crm/webhooks.md");
    expect(plan.order).toBe(50);
    expect(plan.content).toContain("hdOrcrm: crm\n");
    expect(plan.content).not.toMatch(/^hub:/m);
  });
});

function catchError(run: () => unknown): AuthoringError {
  try {
    run();
  } catch (error) {
    if (error instanceof AuthoringError) return error;
    throw error;
  }
  throw new Error("expected an AuthoringError");
}
