import { describe, expect, it } from "vitest";
import type { ElementGuide } from "../../../../src/elements/element-model.ts";
import { breadcrumbTrail } from "../../../../src/render/layout-variables/breadcrumb-trail.ts";

const element: ElementGuide = {
  folder: "autotask-crm",
  name: "Autotask CRM",
  key: "autotaskcrm",
  id: 50,
  hub: "crm",
  hubName: "CRM",
  hubLink: { name: "CRM", url: "/docs/elements.html#hub-crm" },
  authType: "basic",
  url: "/docs/elements/autotask-crm/index.html",
  pages: [],
};

describe("breadcrumbTrail", () => {
  it("is Element Guides › hub › element › page, the hub linking to its section of the catalog", () => {
    expect(breadcrumbTrail(element, "Authenticate")).toEqual([
      { title: "Element Guides", url: "/docs/elements.html" },
      { title: "CRM", url: "/docs/elements.html#hub-crm" },
      { title: "Autotask CRM", url: "/docs/elements/autotask-crm/index.html" },
      { title: "Authenticate", url: null },
    ]);
  });

  it("leaves the hub step out when the catalog has no place for the element's hub", () => {
    expect(breadcrumbTrail({ ...element, hub: null, hubName: null, hubLink: null }, "Events").map((c) => c.title)).toEqual([
      "Element Guides",
      "Autotask CRM",
      "Events",
    ]);
  });

  it("is empty outside element guides", () => {
    expect(breadcrumbTrail(null, "About")).toEqual([]);
  });
});
