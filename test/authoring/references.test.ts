// The writer's guide shows two generated references. They must match what they describe, and every front matter
// key a shared partial reads must be documented in that partial's comment, where the reference is generated from.
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { frontMatterReference, partialReference, staleReferences } from "../../src/authoring/references.ts";
import { REPO_ROOT } from "../support/run-cli.ts";

const SHARED = path.join(REPO_ROOT, "_includes/Elements/shared");
const partials = fs.readdirSync(SHARED).filter((f) => f.endsWith(".md")).sort();

describe("generated references", () => {
  it("are up to date (run npm run references after changing src/schema/ or a shared partial's comment)", () => {
    expect(staleReferences(REPO_ROOT)).toEqual([]);
  });

  it("list every front matter key of the schema with its rule and its description", () => {
    const reference = frontMatterReference(REPO_ROOT);
    for (const key of ["title", "seo", "description", "breadcrumbs", "heading", "elementKey", "elementId", "hub", "order"]) {
      expect(reference).toMatch(new RegExp(`^\\| \`${key}\` \\| (yes|no) \\| \\S.* \\| \\S.* \\|$`, "m"));
    }
    expect(reference).toMatch(/^\| `heading` \| yes \| the element's name/m);
  });

  it("give every page partial a section", () => {
    const reference = partialReference(REPO_ROOT);
    const pagePartials = partials.filter((f) => /\{%-? comment %\}\s*The body of/.test(fs.readFileSync(path.join(SHARED, f), "utf8")));
    expect(pagePartials).toEqual(
      expect.arrayContaining(["overview.md", "auth-basic.md", "auth-oauth2.md", "auth-apikey.md", "events-polling.md", "events-webhooks.md", "bulk.md", "querying.md"]),
    );
    for (const file of pagePartials) expect(reference).toContain(`### ${file}\n`);
  });
});

describe.each(partials)("_includes/Elements/shared/%s", (file) => {
  it("documents, at its top, every page.<key> it reads", () => {
    const text = fs.readFileSync(path.join(SHARED, file), "utf8");
    const [comment, body] = text.split(/\{%-?\s*endcomment\s*-?%\}/, 2);
    const read = new Set([...body.matchAll(/\bpage\.([A-Za-z_][A-Za-z0-9_]*)/g)].map((m) => m[1]));
    const documented = new Set([...comment.matchAll(/^ {4}([A-Za-z_][A-Za-z0-9_]*)\s+\(/gm)].map((m) => m[1]));
    if (read.has("hdOrcrm")) expect(comment).toContain("hdOrcrm");
    read.delete("hdOrcrm");
    expect([...read].filter((key) => !documented.has(key))).toEqual([]);
  });
});
