import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import yaml from "js-yaml";
import { describe, expect, it } from "vitest";
import { checkLabelFiles } from "../../../src/checks/i18n/check-label-files.ts";
import { writeFiles } from "../../support/fixture-tree.ts";

/** A tree with `_data/i18n/ko.yml` of `text`, checked as the build checks it. */
function check(text: string) {
  const tree = fs.mkdtempSync(path.join(os.tmpdir(), "element-guides-labels-"));
  writeFiles(tree, { "_data/i18n/ko.yml": text });
  return checkLabelFiles(tree, { i18n: { ko: yaml.load(text) } });
}

describe("checkLabelFiles", () => {
  it("accepts the layouts' labels and the groups of the search dialog and the API reference", () => {
    expect(check("on_this_page: 이 페이지의 내용\nsearch_dialog:\n  title: 가이드 검색\nreference:\n  parameters: 매개변수\n")).toEqual([]);
  });

  it("warns at its line about a label no layout shows, naming the one meant", () => {
    expect(check("previous: 이전\non_this_pag: 이 페이지의 내용\nreference:\n  parameters: 매개변수\n  respones: 응답\n")).toEqual([
      expect.objectContaining({ file: "_data/i18n/ko.yml", line: 2, severity: "warning", code: "label-unknown", hint: 'Did you mean "on_this_page"?' }),
      expect.objectContaining({ line: 5, message: 'Unknown label "reference.respones": no layout shows it, so its word is never seen', hint: 'Did you mean "responses"?' }),
    ]);
  });

  it("says nothing without _data/i18n", () => {
    expect(checkLabelFiles(os.tmpdir(), {})).toEqual([]);
  });
});
