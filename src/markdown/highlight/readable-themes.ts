import type { RawThemeSetting, ThemeRegistration } from "shiki";

/** The Shiki themes of code blocks, by the colour scheme they serve; their backgrounds are the blocks'. */
export const THEMES = { light: "github-light", dark: "github-dark" } as const;

/** Those themes, imported by name (not from Shiki's full bundle, which imports all of its themes). */
const THEME_MODULES: Record<keyof typeof THEMES, () => Promise<{ default: ThemeRegistration }>> = {
  light: () => import("shiki/themes/github-light.mjs"),
  dark: () => import("shiki/themes/github-dark.mjs"),
};

/**
 * Token colours of those themes that read below WCAG AA (4.5:1) on their own background, and the darker (or
 * lighter) colour of the same hue that replaces them, in every code block of the site. Measured by axe in Chromium
 * (test/e2e/code-contrast.test.ts); test/unit/markdown/highlight/readable-themes.test.ts holds every colour to it.
 */
export const READABLE_COLOURS: Record<keyof typeof THEMES, Readonly<Record<string, string>>> = {
  // Variables: Python's keyword arguments (`headers=`), shell variables. 3.5:1 on #fff; this one 4.8:1.
  light: { "#E36209": "#C24E00" },
  // Comments. 3.1:1 on #24292e; this one (GitHub's own lighter grey) 5.3:1.
  dark: { "#6A737D": "#959DA5" },
};

/** The themes with the colours above replaced, under their own names: what the highlighter loads. */
export async function readableThemes(): Promise<ThemeRegistration[]> {
  return Promise.all(
    (Object.keys(THEMES) as (keyof typeof THEMES)[]).map(async (scheme) => {
      const theme = (await THEME_MODULES[scheme]()).default;
      return withColours(theme, READABLE_COLOURS[scheme]);
    }),
  );
}

/** A copy of the theme whose token colours are replaced as `colours` says (keys in upper case). */
function withColours(theme: ThemeRegistration, colours: Readonly<Record<string, string>>): ThemeRegistration {
  const swap = (rules: RawThemeSetting[]) =>
    rules.map((rule) => {
      const replacement = rule.settings.foreground && colours[rule.settings.foreground.toUpperCase()];
      return replacement ? { ...rule, settings: { ...rule.settings, foreground: replacement } } : rule;
    });
  return {
    ...theme,
    ...(theme.tokenColors && { tokenColors: swap(theme.tokenColors) }),
    ...(theme.settings && { settings: swap(theme.settings) }),
  };
}

/** The replacements as text, for the highlight cache's key: another table is another key. */
export function readableColoursKey(): string {
  return Object.values(READABLE_COLOURS)
    .flatMap((colours) => Object.entries(colours).map(([from, to]) => `${from.slice(1)}-${to.slice(1)}`.toLowerCase()))
    .join(".");
}
