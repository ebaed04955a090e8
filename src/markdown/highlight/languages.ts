import type { BundledLanguage, LanguageRegistration, SpecialLanguage } from "shiki";

/** A code language the site highlights, with the names writers may put after ``` . */
export interface CodeLanguage {
  /** Canonical name, used in `data-lang` and in warnings. */
  readonly name: string;
  /** Shiki's language id; `text` is Shiki's built-in plain text. */
  readonly shikiId: BundledLanguage | SpecialLanguage;
  /** Human name shown in the code block's bar. */
  readonly label: string;
  /** Other names for the same language (all lower case). */
  readonly aliases: readonly string[];
  /**
   * Shiki's grammar of it (with those it embeds), imported by name: the generator's bundle then holds these
   * grammars, not the 230 that Shiki's full bundle would import (src/markdown/highlight/code-highlighter.ts).
   */
  readonly grammar?: () => Promise<{ default: LanguageRegistration[] }>;
}

// An explicit list (not Shiki's full bundle) keeps start-up fast and makes
// "unknown language" a warning the writer can act on.
export const CODE_LANGUAGES: readonly CodeLanguage[] = [
  { name: "json", shikiId: "json", label: "JSON", aliases: [], grammar: () => import("shiki/langs/json.mjs") },
  // Shiki knows both; they are JSON to a reader, so they carry the JSON label.
  { name: "jsonc", shikiId: "jsonc", label: "JSON", aliases: [], grammar: () => import("shiki/langs/jsonc.mjs") },
  { name: "json5", shikiId: "json5", label: "JSON", aliases: [], grammar: () => import("shiki/langs/json5.mjs") },
  // Shiki's id is `shellscript`; `curl` fences hold curl command lines, which are shell.
  {
    name: "bash",
    shikiId: "shellscript",
    label: "Bash",
    aliases: ["sh", "shell", "shellscript", "zsh", "curl"],
    grammar: () => import("shiki/langs/shellscript.mjs"),
  },
  // Shiki maps `console` to its shell-session grammar (`$ ` prompts plus output), not to bash.
  { name: "console", shikiId: "shellsession", label: "Console", aliases: ["shellsession"], grammar: () => import("shiki/langs/shellsession.mjs") },
  { name: "javascript", shikiId: "javascript", label: "JavaScript", aliases: ["js", "mjs", "cjs"], grammar: () => import("shiki/langs/javascript.mjs") },
  { name: "typescript", shikiId: "typescript", label: "TypeScript", aliases: ["ts", "mts", "cts"], grammar: () => import("shiki/langs/typescript.mjs") },
  { name: "xml", shikiId: "xml", label: "XML", aliases: [], grammar: () => import("shiki/langs/xml.mjs") },
  { name: "html", shikiId: "html", label: "HTML", aliases: [], grammar: () => import("shiki/langs/html.mjs") },
  { name: "yaml", shikiId: "yaml", label: "YAML", aliases: ["yml"], grammar: () => import("shiki/langs/yaml.mjs") },
  { name: "java", shikiId: "java", label: "Java", aliases: [], grammar: () => import("shiki/langs/java.mjs") },
  { name: "python", shikiId: "python", label: "Python", aliases: ["py"], grammar: () => import("shiki/langs/python.mjs") },
  { name: "http", shikiId: "http", label: "HTTP", aliases: [], grammar: () => import("shiki/langs/http.mjs") },
  { name: "sql", shikiId: "sql", label: "SQL", aliases: [], grammar: () => import("shiki/langs/sql.mjs") },
  // The empty name is a fence without a language and indented code.
  { name: "text", shikiId: "text", label: "Text", aliases: ["plaintext", "txt", "plain", ""] },
];

const byName = new Map<string, CodeLanguage>();
for (const language of CODE_LANGUAGES) {
  byName.set(language.name, language);
  for (const alias of language.aliases) byName.set(alias, language);
}

/** The language a fence name means (case-insensitive), or undefined when the site does not know it. */
export function findCodeLanguage(name: string): CodeLanguage | undefined {
  return byName.get(name.trim().toLowerCase());
}

/** The plain text language, used for indented code and as the fallback for unknown languages. */
export const PLAIN_TEXT: CodeLanguage = findCodeLanguage("text")!;
