import { describe, expect, it } from "vitest";
import { elementPageSchema } from "../../../src/schema/element-page.ts";
import { describe as describeValue } from "../../../src/schema/expected.ts";
import { hubSchema } from "../../../src/schema/hub.ts";
import { pageSchema } from "../../../src/schema/page.ts";

const context = { hubs: [{ key: "crm", name: "CRM" }, { key: "helpdesk", name: "Help Desk" }], sitePathExists: (p: string) => p === "/docs/elements.html" };

describe("front matter schemas", () => {
  it("parse a complete element page and keep keys they do not know (reported as warnings elsewhere)", () => {
    const data = { heading: "Acme", title: "Events", layout: "sidebarelementdoc", elementId: 9, elementKey: "acme2", hub: "crm", order: -1, username: "x" };
    expect(elementPageSchema(context).parse(data)).toEqual(data);
  });

  it("require nothing of plain pages but give every field a type", () => {
    expect(pageSchema(context).safeParse({}).success).toBe(true);
    expect(pageSchema(context).safeParse({ published: "yes" }).error?.issues[0]).toMatchObject({ path: ["published"], message: 'must be true or false, not "yes"' });
  });

  it("check hubs against the site's list by key or name, or only that they name something when the site has none", () => {
    const listed = hubSchema([{ key: "crm", name: "CRM" }, { key: "documents", name: "Documents and Cloud Storage" }]);
    expect(listed.safeParse("crn").error?.issues[0].message).toBe('must be the key or name of a hub listed in _data/hubs.yml, such as crm or CRM, not "crn"');
    expect(["crm", "CRM", " Crm ", "documents", "documents and cloud storage"].filter((v) => !listed.safeParse(v).success)).toEqual([]);
    expect(hubSchema(undefined).safeParse("Not A Key").success).toBe(true);
    expect(hubSchema(undefined).safeParse("?!").success).toBe(false);
    expect(hubSchema(undefined).safeParse(3).success).toBe(false);
  });

  it("describe values the way the writer typed them", () => {
    expect([describeValue("50"), describeValue("fifty"), describeValue(null), describeValue([1]), describeValue({ a: 1 }), describeValue(new Date("2020-01-02"))]).toEqual([
      'the text "50" (remove the quotes)',
      '"fifty"',
      "empty",
      "a list",
      "a nested mapping",
      "the date 2020-01-02",
    ]);
  });
});
