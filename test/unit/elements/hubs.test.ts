import { describe, expect, it } from "vitest";
import { findListedHub, hubSlug, hubToken, readHubList, resolveHubs, suggestListedHub, type ListedHub } from "../../../src/elements/hubs.ts";

const LISTED: ListedHub[] = [
  { key: "crm", name: "CRM" },
  { key: "helpdesk", name: "Help Desk" },
  { key: "documents", name: "Documents and Cloud Storage" },
];

describe("hub spellings", () => {
  it("fold case, spacing and punctuation away, so CRM and crm, Help Desk and helpdesk are one hub", () => {
    expect(["CRM", "crm", " Crm "].map(hubToken)).toEqual(["crm", "crm", "crm"]);
    expect(["Help Desk", "helpdesk", "help-desk", "HELP_DESK", "Help  Desk."].map(hubToken)).toEqual(Array(5).fill("helpdesk"));
    expect(hubToken("Café")).toBe("cafe");
    expect(hubToken("--")).toBe("");
  });

  it("make slugs that are valid HTML ids and URL parts", () => {
    expect(["Help Desk", "CRM", "E-Commerce & Retail", "  Café Tools "].map(hubSlug)).toEqual(["help-desk", "crm", "e-commerce-retail", "cafe-tools"]);
  });
});

describe("hubs listed in _data/hubs.yml", () => {
  it("are read as key and name, a missing name being the key; no file is no list", () => {
    expect(readHubList({ hubs: [{ key: "crm", name: "CRM" }, { key: "erp" }, "junk"] })).toEqual([
      { key: "crm", name: "CRM" },
      { key: "erp", name: "erp" },
    ]);
    expect(readHubList({})).toBeUndefined();
  });

  it("keep a hub's one-line description and icon for the home page", () => {
    expect(readHubList({ hubs: [{ key: "crm", name: "CRM", description: " Deals. ", icon: "M3 5h18", extra: 1 }] })).toEqual([
      { key: "crm", name: "CRM", description: "Deals.", icon: "M3 5h18" },
    ]);
  });

  it("match a spelling on key or name", () => {
    expect(findListedHub("Help Desk", LISTED)?.key).toBe("helpdesk");
    expect(findListedHub("help-desk", LISTED)?.key).toBe("helpdesk");
    expect(findListedHub("crm", LISTED)?.key).toBe("crm");
    expect(findListedHub("Documents and cloud storage", LISTED)?.key).toBe("documents");
    expect(findListedHub("Marketing", LISTED)).toBeUndefined();
    expect(findListedHub("!!", LISTED)).toBeUndefined();
  });

  it("suggest the hub a typo was meant to be, by key or name, and nothing for an unrelated word", () => {
    expect(suggestListedHub("Hepldesk", LISTED)?.key).toBe("helpdesk");
    expect(suggestListedHub("Help Dsek", LISTED)?.key).toBe("helpdesk");
    expect(suggestListedHub("Documents and Cloud Storge", LISTED)?.key).toBe("documents");
    expect(suggestListedHub("Marketing", LISTED)).toBeUndefined();
  });
});

describe("resolveHubs", () => {
  it("gives a listed spelling its hub's key as id and its name", () => {
    const hubs = resolveHubs(["CRM", "Help Desk", "helpdesk"], LISTED);
    expect(Object.fromEntries(hubs)).toEqual({
      CRM: { id: "crm", name: "CRM" },
      "Help Desk": { id: "helpdesk", name: "Help Desk" },
      helpdesk: { id: "helpdesk", name: "Help Desk" },
    });
  });

  it("gathers spellings without a list: one hub per token, the wordiest slug as id, a readable name", () => {
    const hubs = resolveHubs(["crm", "CRM", "helpdesk", "Help Desk", "Marketing", "scheduling", "Field service"], undefined);
    expect(Object.fromEntries(hubs)).toEqual({
      crm: { id: "crm", name: "CRM" },
      CRM: { id: "crm", name: "CRM" },
      helpdesk: { id: "help-desk", name: "Help Desk" },
      "Help Desk": { id: "help-desk", name: "Help Desk" },
      Marketing: { id: "marketing", name: "Marketing" },
      scheduling: { id: "scheduling", name: "Scheduling" },
      "Field service": { id: "field-service", name: "Field service" },
    });
  });

  it("gives the same ids whatever order the spellings come in", () => {
    const ids = (spellings: string[]) => [...new Set([...resolveHubs(spellings, undefined).values()].map((hub) => hub.id))].sort();
    expect(ids(["helpdesk", "Help Desk", "help_desk"])).toEqual(["help-desk"]);
    expect(ids(["Help Desk", "help_desk", "helpdesk"])).toEqual(["help-desk"]);
  });

  it("gathers what the list does not know, as in a tree without one, and leaves out spellings with no letter", () => {
    const hubs = resolveHubs(["Marketing", "crm", "?"], LISTED);
    expect(hubs.get("Marketing")).toEqual({ id: "marketing", name: "Marketing" });
    expect(hubs.get("crm")).toEqual({ id: "crm", name: "CRM" });
    expect(hubs.has("?")).toBe(false);
  });
});
