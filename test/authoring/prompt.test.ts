// The interactive side of new-element and new-page, on a real pseudo-terminal: questions, re-asked questions after
// a bad answer, suggestions in brackets, and cancelling.
import fs from "node:fs";
import path from "node:path";
import matter from "gray-matter";
import { describe, expect, it } from "vitest";
import { smallTree } from "./helpers/small-tree.ts";
import { HAS_SCRIPT, runInTerminal } from "./helpers/terminal.ts";

describe.skipIf(!HAS_SCRIPT)("on a terminal", () => {
  it("new-element asks for each value, repeats a refused answer, and offers the key and folder it derives", async () => {
    const tree = smallTree();
    const result = await runInTerminal(
      "new-element.ts",
      ["--source", tree],
      ["Prompt Desk", "", "50", "777", "helpdesc", "helpdesk", "basic", "", ""],
    );
    expect(result.unused).toEqual([]);
    expect(result.code, result.output).toBe(0);
    expect(result.output).toContain("Element key [promptdesk]: ");
    expect(result.output).toContain("--id 50 is already the elementId of Autotask CRM");
    expect(result.output).toContain(`--hub "helpdesc" is not a hub in _data/hubs.yml (did you mean "helpdesk"?)`);
    expect(result.output).toContain("Folder under docs/elements/ [prompt-desk]: ");
    expect(result.output).toContain("Created docs/elements/prompt-desk/ with 6 pages");
    const data = matter(fs.readFileSync(path.join(tree, "docs/elements/prompt-desk/index.md"), "utf8"), {}).data;
    expect(data).toMatchObject({ heading: "Prompt Desk", elementKey: "promptdesk", elementId: 777, hub: "helpdesk", authType: "basic" });
  });

  it("new-page asks only for what the flags left out", async () => {
    const tree = smallTree();
    const result = await runInTerminal("new-page.ts", ["--source", tree, "--element", "autotask-crm"], ["Rate Limits", ""]);
    expect(result.code, result.output).toBe(0);
    expect(result.output).not.toContain("Element folder");
    expect(result.output).toContain("File name without .md [rate-limits]: ");
    expect(fs.existsSync(path.join(tree, "docs/elements/autotask-crm/rate-limits.md"))).toBe(true);
  });

  it("Ctrl+C at a question stops without writing anything", async () => {
    const tree = smallTree();
    const result = await runInTerminal("new-element.ts", ["--source", tree, "--name", "Half Done"], ["\x03"]);
    expect(result.code).toBe(1);
    expect(result.output).toContain("new-element: cancelled at the prompt");
    expect(fs.readdirSync(path.join(tree, "docs/elements"))).toEqual(["autotask-crm"]);
  });
});
