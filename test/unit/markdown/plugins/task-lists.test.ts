import { describe, expect, it } from "vitest";
import { HtmlPage, textOf } from "../../../support/html-page.ts";
import { renderAs } from "../helpers.ts";

describe("task lists", () => {
  for (const flavor of ["kramdown", "commonmark"] as const) {
    it(`give each [ ] and [x] item a checkbox the reader cannot change, with kramdown's classes (${flavor})`, () => {
      const html = new HtmlPage(renderAs(flavor, "- [ ] Write the guide\n- [x] Get a key\n- [X] Test it\n- Plain item\n- [link](x.html)\n"));
      expect(html.all("ul.task-list")).toHaveLength(1);
      const boxes = html.all("li.task-list-item > input.task-list-item-checkbox");
      expect(boxes.map((box) => [box.attribs.type, "disabled" in box.attribs, "checked" in box.attribs])).toEqual([
        ["checkbox", true, false],
        ["checkbox", true, true],
        ["checkbox", true, true],
      ]);
      expect(html.all("li").map((li) => textOf(li))).toEqual(["Write the guide", "Get a key", "Test it", "Plain item", "link"]);
    });
  }

  it("leaves brackets that are no task as they are: in a paragraph, without a space after, in code", () => {
    const html = renderAs("kramdown", "[ ] not in a list\n\n- [x]no space\n- `[ ] code`\n");
    expect(html).not.toContain("<input");
    expect(html).toContain("[ ] not in a list");
  });
});
