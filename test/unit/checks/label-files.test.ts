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

  it("warns at its line about a label in the wrong form, which stays English", () => {
    const text = "previous: {a: 1}\nnext: 다음\nreference: 5\nmonths: 12\ndate_format: [1, 2]\nsearch_dialog:\n  title: [x]\nlast_updated:\n";
    expect(check(text).map((d) => `${d.line} ${d.severity} ${d.code} ${d.message}`)).toEqual([
      "1 warning label-type previous must be text, not a nested mapping, so it stays English",
      "3 warning label-type reference must be a mapping of labels, not 5, so its words stay English",
      "4 warning label-type months must be a list of the 12 month names, not 12, so the months stay English",
      "5 warning label-type date_format must be text, not a list, so it stays English",
      "7 warning label-type search_dialog.title must be text, not a list, so it stays English",
    ]);
    expect(check("date_format: [1, 2]\n")[0].hint).toBe("Write it on one line: date_format: followed by the word, such as date_format: {month} {day}, {year}.");
  });

  it("warns about a file that is a list, not a mapping of labels", () => {
    expect(check("- previous: 이전\n- next: 다음\n")).toEqual([
      expect.objectContaining({
        file: "_data/i18n/ko.yml",
        line: 1,
        severity: "warning",
        code: "label-type",
        message: "_data/i18n/ko.yml must be a mapping of labels, not a list: every word stays English",
      }),
    ]);
  });

  it("says nothing without _data/i18n", () => {
    expect(checkLabelFiles(os.tmpdir(), {})).toEqual([]);
  });
});
