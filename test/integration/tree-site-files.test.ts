// A tree that has its own robots.txt, sitemap.xml or 404 page keeps it: ours steps aside, as for llms.txt.
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { buildWithFiles } from "../support/built-tree.ts";

describe("the tree's own robots.txt and sitemap.xml", () => {
  it("are published instead of ours, a file as it is and a page of Liquid rendered, with no collision reported", async () => {
    const { out, result } = await buildWithFiles({
      "robots.txt": "User-agent: *\nDisallow: /drafts/\n",
      "sitemap.xml": '---\nlayout: null\n---\n<?xml version="1.0"?><urlset><url><loc>{{ site.url }}/only.html</loc></url></urlset>\n',
    });
    expect(result.code, result.stderr).toBe(0);
    expect(result.stderr).not.toContain("output-collision");
    expect(fs.readFileSync(path.join(out, "robots.txt"), "utf8")).toBe("User-agent: *\nDisallow: /drafts/\n");
    expect(fs.readFileSync(path.join(out, "sitemap.xml"), "utf8")).toContain("<loc>https://connectors.example.test/only.html</loc>");
  }, 120_000);
});
