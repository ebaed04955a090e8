import fs from "node:fs";
import path from "node:path";
import { afterAll } from "vitest";
import { copyTree } from "../../support/fixture-tree.ts";
import { REPO_ROOT } from "../../support/run-cli.ts";

/**
 * A temporary copy of just what new-element and new-page read: hubs, templates and the Autotask CRM guide (whose
 * elementId 50 and key autotaskcrm the refusal tests collide with). Much quicker to copy than the whole site.
 */
export function smallTree(): string {
  const tree = copyTree(REPO_ROOT, (rel) => {
    const top = rel.split(path.sep)[0];
    if (top === "" || top === "_data" || top === "templates") return true;
    return rel === "docs" || rel === path.join("docs", "elements") || rel.startsWith(path.join("docs", "elements", "autotask-crm"));
  });
  made.push(tree);
  return tree;
}

const made: string[] = [];
afterAll(() => {
  for (const tree of made.splice(0)) fs.rmSync(tree, { recursive: true, force: true });
});
