// Every colour a code block's tokens can take reads at WCAG AA (4.5:1) on the block's background, in both themes.
import { describe, expect, it } from "vitest";
import { highlighterCacheKey, loadShiki } from "../../../../src/markdown/highlight/code-highlighter.ts";
import { THEMES } from "../../../../src/markdown/highlight/readable-themes.ts";

/** WCAG 2's contrast ratio of two `#rrggbb` colours. */
function contrast(a: string, b: string): number {
  const luminance = (hex: string) => {
    const [r, g, bl] = [1, 3, 5].map((at) => parseInt(hex.slice(at, at + 2), 16) / 255).map((c) => (c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4));
    return 0.2126 * r + 0.7152 * g + 0.0722 * bl;
  };
  const [light, dark] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (light + 0.05) / (dark + 0.05);
}

/** `#fff` as `#ffffff`. */
const full = (hex: string) => (hex.length === 4 ? `#${[...hex.slice(1)].map((c) => c + c).join("")}` : hex.slice(0, 7));

describe("the code blocks' token colours", () => {
  for (const name of Object.values(THEMES)) {
    it(`all read at 4.5:1 or more on ${name}'s background`, async () => {
      const theme = (await loadShiki()).getTheme(name);
      const background = full(theme.bg);
      // A rule with its own background (a carriage return, an ignored diff line) is not drawn on the block's.
      const colours = new Set(theme.settings.filter((rule) => rule.settings.foreground && !rule.settings.background).map((rule) => full(rule.settings.foreground!)));
      expect(colours.size).toBeGreaterThan(5);
      const faint = [...colours].filter((colour) => contrast(colour, background) < 4.5).map((colour) => `${colour} ${contrast(colour, background).toFixed(2)}:1`);
      expect(faint).toEqual([]);
    });
  }

  it("are part of the highlight cache's key, so that blocks saved in other colours are not reused", () => {
    expect(highlighterCacheKey()).toContain("colours-e36209-c24e00.6a737d-959da5;");
  });
});
