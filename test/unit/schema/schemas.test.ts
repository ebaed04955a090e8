import { describe, expect, it } from "vitest";
import { elementPageSchema } from "../../../src/schema/element-page.ts";
import { describe as describeValue } from "../../../src/schema/expected.ts";
import { hubSchema } from "../../../src/schema/hub.ts";
import { pageSchema } from "../../../src/schema/page.ts";

const context = { hubKeys: ["crm", "helpdesk"], sitePathExists: (p: string) => p === "/docs/elements.html" };

describe("front matter schemas", () => {
  it("parse a complete element page and keep keys they do not know (reported as warnings elsewhere)", () => {
    const data = { heading: "Acme", title: "Events", layout: "sidebarelementdoc", elementId: 9, elementKey: "acme2", hub: "crm", order: -1, username: "x" };
    expect(elementPageSchema(context).parse(data)).toEqual(data);
  });

  it("require nothing of plain pages but give every field a type", () => {
    expect(pageSchema(context).safeParse({}).success).toBe(true);
    expect(pageSchema(context).safeParse({ published: "yes" }).error?.issues[0]).toMatchObject({ path: ["published"], message: 'must be true or false, not "yes"' });
  });

  it("check hubs against the site's list, or only their form when the site has none", () => {
    expect(hubSchema(["crm"]).safeParse("crn").error?.issues[0].message).toBe('must be one of the hubs listed in _data/hubs.yml, not "crn"');
    expect(hubSchema(undefined).safeParse("anything-goes").success).toBe(true);
    expect(hubSchema(undefined).safeParse("Not A Key").success).toBe(false);
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
