import { describe, expect, it } from "vitest";
import { ENGLISH_LABELS, formatDate, languageName, translatedLabels, uiLabels } from "../../../src/i18n/ui-labels.ts";

const site = (i18n: Record<string, unknown>) => ({ data: { i18n } });

describe("uiLabels", () => {
  it("takes each word the language's file gives, and English for the rest", () => {
    const labels = uiLabels(site({ ko: { on_this_page: "이 페이지의 내용", previous: "이전" } }), "ko", "en");
    expect(labels.on_this_page).toBe("이 페이지의 내용");
    expect(labels.previous).toBe("이전");
    expect(labels.next).toBe("Next");
    expect(labels.edit_this_page).toBe("Edit this page");
  });

  it("is English without _data/i18n, for a language without a file, and where a value has the wrong form", () => {
    expect(uiLabels({ data: {} }, "en", "en")).toMatchObject({ on_this_page: "On this page", language_name: "English", search_dialog: "" });
    expect(uiLabels(site({}), "ko", "en").on_this_page).toBe("On this page");
    const odd = uiLabels(site({ ko: { next: ["다음"], months: ["1월"], on_this_page: null } }), "ko", "en");
    expect([odd.next, odd.months, odd.on_this_page]).toEqual(["Next", ENGLISH_LABELS.months, "On this page"]);
  });

  it("lets the default language's file translate our English, and the page's own file win over it", () => {
    const files = site({ de: { next: "Weiter", previous: "Zurück" }, fr: { next: "Suivant" } });
    expect(uiLabels(files, "de", "de").next).toBe("Weiter");
    expect(uiLabels(files, "fr", "de")).toMatchObject({ next: "Suivant", previous: "Zurück" });
  });

  it("passes the search dialog's words as JSON, only those given", () => {
    expect(JSON.parse(uiLabels(site({ ko: { search_dialog: { title: "가이드 검색", none: 3 } } }), "ko", "en").search_dialog)).toEqual({ title: "가이드 검색" });
  });
});

describe("translatedLabels", () => {
  it("overrides a group's labels key by key, later files winning, and ignores keys it does not know", () => {
    const english = { parameters: "Parameters", responses: "Responses", group: { a: "A", b: "B" } };
    expect(translatedLabels(english, [{ parameters: "Paramètres", group: { a: "Å" } }, { parameters: "매개변수", typo: "x" }])).toEqual({
      parameters: "매개변수",
      responses: "Responses",
      group: { a: "Å", b: "B" },
    });
  });
});

describe("languageName", () => {
  it("is the file's language_name, else the language's own name, never another language's", () => {
    expect(languageName(site({ ko: { language_name: "한국어 (Korean)" } }), "ko")).toBe("한국어 (Korean)");
    expect(languageName(site({ en: { language_name: "English (US)" } }), "ko")).toBe("한국어");
    expect(languageName({ data: {} }, "en")).toBe("English");
  });
});

describe("formatDate", () => {
  it("writes the date in the labels' order and words", () => {
    expect(formatDate("2024-03-07")).toBe("March 7, 2024");
    expect(formatDate("2024-03-07", { ...ENGLISH_LABELS, date_format: "{year}년 {month_number}월 {day}일" })).toBe("2024년 3월 7일");
  });
});
