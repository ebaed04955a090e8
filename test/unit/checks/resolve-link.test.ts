import { describe, expect, it } from "vitest";
import { resolveLink } from "../../../src/checks/links/resolve-link.ts";

const AT = "/docs/elements/acme-crm/authenticate.html";
const root = { baseurl: "", url: "https://docs.example.test" };
const resolve = (href: string, site = root, page = AT) => resolveLink(href, page, site);

describe("resolveLink resolves as a browser would", () => {
  it("resolves relative links from the page's folder", () => {
    expect(resolve("events.html")).toEqual({ kind: "internal", path: "docs/elements/acme-crm/events.html", fragment: undefined, samePage: false });
    expect(resolve("index.html#authenticating")).toMatchObject({ path: "docs/elements/acme-crm/index.html", fragment: "authenticating" });
    expect(resolve("../acme-helpdesk/")).toMatchObject({ path: "docs/elements/acme-helpdesk/" });
    expect(resolve("./elements/acme-crm/", root, "/docs/elements.html")).toMatchObject({ path: "docs/elements/acme-crm/" });
    expect(resolve("/docs/elements.html")).toMatchObject({ path: "docs/elements.html" });
  });

  it("treats #fragments and the empty href as the page itself, decoding the fragment", () => {
    expect(resolve("#step-1")).toEqual({ kind: "internal", path: "", fragment: "step-1", samePage: true });
    expect(resolve("#caf%C3%A9")).toMatchObject({ fragment: "café" });
    expect(resolve("")).toMatchObject({ samePage: true, fragment: undefined });
  });

  it("respects the base path: links must stay under it", () => {
    const guides = { baseurl: "/guides", url: "" };
    expect(resolve("/guides/docs/x.html", guides)).toMatchObject({ kind: "internal", path: "docs/x.html" });
    expect(resolve("events.html", guides)).toMatchObject({ kind: "internal", path: "docs/elements/acme-crm/events.html" });
    expect(resolve("/docs/x.html", guides)).toEqual({ kind: "outside-base", pathname: "/docs/x.html" });
  });

  it("checks absolute links to the site's own origin, and leaves other sites and schemes alone", () => {
    expect(resolve("https://docs.example.test/docs/x.html#a")).toMatchObject({ kind: "internal", path: "docs/x.html", fragment: "a" });
    expect(resolve("https://www.autotask.net/help")).toEqual({ kind: "external" });
    expect(resolve("//cdn.example.test/x.js")).toEqual({ kind: "external" });
    expect(resolve("mailto:docs@example.test")).toEqual({ kind: "external" });
  });

  it("reports malformed URLs", () => {
    expect(resolve("http://exa mple.com/")).toMatchObject({ kind: "malformed" });
    expect(resolve("https://")).toMatchObject({ kind: "malformed" });
    expect(resolve("docs\\x.html")).toEqual({ kind: "malformed", reason: "URLs use forward slashes, not backslashes" });
    expect(resolve("x.html#%E0%A4%A")).toMatchObject({ kind: "malformed" });
  });
});
