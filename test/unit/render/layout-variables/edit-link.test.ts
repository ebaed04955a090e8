import { describe, expect, it } from "vitest";
import { editUrl } from "../../../../src/render/layout-variables/edit-link.ts";

const FILE = "docs/elements/autotask-crm/authenticate.md";

describe("editUrl", () => {
  it("is absent unless site.repository is set", () => {
    expect(editUrl({}, FILE)).toBeNull();
    expect(editUrl({ repository: "  " }, FILE)).toBeNull();
  });

  it("reads owner/name as a GitHub repository, on the main branch", () => {
    expect(editUrl({ repository: "acme/guides" }, FILE)).toBe(`https://github.com/acme/guides/edit/main/${FILE}`);
  });

  it("takes a repository URL, a branch and the tree's folder inside the repository", () => {
    const site = { repository: "https://git.example.test/docs/guides/", repository_branch: "release", repository_path: "/site/" };
    expect(editUrl(site, FILE)).toBe(`https://git.example.test/docs/guides/edit/release/site/${FILE}`);
  });

  it("encodes spaces, # and ? in file names, which would otherwise cut the path short", () => {
    expect(editUrl({ repository: "acme/guides" }, "docs/a b.md")).toBe("https://github.com/acme/guides/edit/main/docs/a%20b.md");
    expect(editUrl({ repository: "acme/guides" }, "docs/c#-sdk/faq?.md")).toBe("https://github.com/acme/guides/edit/main/docs/c%23-sdk/faq%3F.md");
  });
});
