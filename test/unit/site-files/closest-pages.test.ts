import { describe, expect, it } from "vitest";
// The 404 page's ranking runs in the browser; it is plain JavaScript without the DOM, so it is tested here.
import { candidatesOf, closestPages, wordsOf } from "../../../assets/js/closest-pages.js";

const ELEMENTS = {
  elements: ["autotask-crm", "autotask-helpdesk", "zendesk"].map((folder) => ({
    folder,
    name: folder.replace("autotask-", "Autotask ").replace("crm", "CRM").replace("helpdesk", "Help Desk").replace("zendesk", "Zendesk"),
    key: folder.replace(/-/g, ""),
    url: `/guides/docs/elements/${folder}/index.html`,
    pages: ["index", "authenticate", "events", "bulk"].map((slug) => ({
      title: slug === "index" ? "Overview" : slug.charAt(0).toUpperCase() + slug.slice(1),
      url: `/guides/docs/elements/${folder}/${slug}.html`,
    })),
  })),
};
const candidates = candidatesOf(ELEMENTS);
const urls = (address: string) => closestPages(address, candidates).map((page: { url: string }) => page.url);

describe("the 404 page's closest pages", () => {
  it("are found by the words of the address, common ones left out", () => {
    expect(wordsOf("/docs/elements/autotask-crn/authentcate.html")).toEqual(["autotask", "crn", "authentcate"]);
    expect(wordsOf("/docs/elements/%E2%9C%93-x/index.html")).toEqual(["x"]);
  });

  it("rank a misspelled page of a misspelled element first", () => {
    expect(urls("/docs/elements/autotask-crn/authentcate.html")[0]).toBe("/guides/docs/elements/autotask-crm/authenticate.html");
    expect(urls("/docs/elements/zendsk/events.html")[0]).toBe("/guides/docs/elements/zendesk/events.html");
  });

  it("find an element by its key, as old links name it", () => {
    expect(urls("/docs/elements/autotaskhelpdesk/")[0]).toBe("/guides/docs/elements/autotask-helpdesk/index.html");
  });

  it("are none for an address with nothing close, or no words of its own", () => {
    expect(urls("/pricing/enterprise-plans.html")).toEqual([]);
    expect(urls("/docs/elements/index.html")).toEqual([]);
  });

  it("are at most five", () => {
    expect(urls("/autotask").length).toBe(5);
  });
});
