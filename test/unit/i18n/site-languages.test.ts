import { describe, expect, it } from "vitest";
import { contentSettings } from "../../../src/content/jekyll-settings.ts";
import { pageLanguage, translationKey } from "../../../src/i18n/page-language.ts";
import { siteLanguages } from "../../../src/i18n/site-languages.ts";

describe("siteLanguages", () => {
  it("reads languages: and default_lang: as jekyll-polyglot writes them", () => {
    expect(siteLanguages({ languages: ["en", "ko", "pt-BR"], default_lang: "en" })).toEqual({
      languages: { default: "en", others: ["ko", "pt-BR"] },
      problems: [],
    });
  });

  it("is English alone without either, and takes default_lang from a list that names it", () => {
    expect(siteLanguages({}).languages).toEqual({ default: "en", others: [] });
    expect(siteLanguages({ languages: ["de", "en"], default_lang: "de" }).languages).toEqual({ default: "de", others: ["en"] });
  });

  it("reports a list that is not one, a code that is not a language, and a default the list leaves out", () => {
    expect(siteLanguages({ languages: "en, ko" }).problems.map((p) => p.key)).toEqual(["languages"]);
    const bad = siteLanguages({ languages: ["en", "korean!", 3] });
    expect(bad.languages.others).toEqual([]);
    expect(bad.problems.map((p) => p.message)).toEqual([
      'languages: "korean!" is not a language code such as en, ko or pt-BR',
      "languages: 3 is not a language code such as en, ko or pt-BR",
    ]);
    expect(siteLanguages({ languages: ["en", "ko"], default_lang: "de" }).problems[0].message).toBe(
      "default_lang: de is not one of languages: [en, ko]",
    );
  });

  it("reads codes in any case, as BCP 47 does, and writes them as pages' lang attributes do", () => {
    expect(siteLanguages({ languages: ["EN", "KO", "PT-br", "zh-hant"], default_lang: "En" })).toEqual({
      languages: { default: "en", others: ["ko", "pt-BR", "zh-Hant"] },
      problems: [],
    });
  });

  it("says so when the list leaves out the default language, written or not", () => {
    const unwritten = siteLanguages({ languages: ["de", "ko"] });
    expect(unwritten.problems).toEqual([
      {
        key: "languages",
        message: "languages: [de, ko] leaves out en, the language of the pages outside language folders (default_lang: is not set)",
        hint: "Add en to languages:, or set default_lang: to the language of the pages outside language folders.",
      },
    ]);
  });

  it("becomes a config-value error of _config.yml at the key's line", () => {
    const { problems } = contentSettings({ languages: "ko" }, (key) => (key === "languages" ? 7 : undefined));
    expect(problems).toEqual([expect.objectContaining({ file: "_config.yml", line: 7, severity: "error", code: "config-value" })]);
  });
});

describe("pageLanguage", () => {
  const languages = { default: "en", others: ["ko"] };

  it("puts a page of a language folder in its element, in that language", () => {
    expect(pageLanguage("docs/elements/zendesk/ko/events.md", languages)).toEqual({ elementFolder: "zendesk", lang: "ko" });
    expect(pageLanguage("docs/elements/zendesk/events.md", languages)).toEqual({ elementFolder: "zendesk" });
  });

  it("leaves other folders as they were: in no element, and in the default language", () => {
    expect(pageLanguage("docs/elements/zendesk/ja/events.md", languages)).toEqual({});
    expect(pageLanguage("docs/elements/zendesk/en/events.md", languages)).toEqual({});
    expect(pageLanguage("docs/elements/zendesk/ko/deeper/events.md", languages)).toEqual({});
    expect(pageLanguage("docs/ko/events.md", languages)).toEqual({});
    expect(pageLanguage("docs/elements/zendesk/ko/events.md", { default: "en", others: [] })).toEqual({});
  });

  it("finds a language folder whatever the case of its name or of the listed code", () => {
    expect(pageLanguage("docs/elements/zendesk/KO/events.md", languages)).toEqual({ elementFolder: "zendesk", lang: "ko" });
    expect(translationKey({ file: "docs/elements/zendesk/KO/events.md", elementFolder: "zendesk", lang: "ko" })).toBe("events.md");
  });

  it("names a page the same in every language, so that its versions are found", () => {
    expect(translationKey({ file: "docs/elements/zendesk/ko/events.md", elementFolder: "zendesk", lang: "ko" })).toBe("events.md");
    expect(translationKey({ file: "docs/elements/zendesk/events.md", elementFolder: "zendesk" })).toBe("events.md");
  });
});
