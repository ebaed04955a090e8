import type { BundledLanguage, SpecialLanguage } from "shiki";

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
   * The module of Shiki's grammar of it (with those it embeds), under `shiki/langs/`: loaded the first time a block
   * of the language is highlighted (src/markdown/highlight/grammar-loader.ts), never all 230 of Shiki's.
   */
  readonly grammar?: string;
}

// An explicit list (not Shiki's full bundle) keeps start-up fast and makes
// "unknown language" a warning the writer can act on.
export const CODE_LANGUAGES: readonly CodeLanguage[] = [
  { name: "json", shikiId: "json", label: "JSON", aliases: [], grammar: "json" },
  // Shiki knows both; they are JSON to a reader, so they carry the JSON label.
  { name: "jsonc", shikiId: "jsonc", label: "JSON", aliases: [], grammar: "jsonc" },
  { name: "json5", shikiId: "json5", label: "JSON", aliases: [], grammar: "json5" },
  // Shiki's id is `shellscript`; `curl` fences hold curl command lines, which are shell.
  {
    name: "bash",
    shikiId: "shellscript",
    label: "Bash",
    aliases: ["sh", "shell", "shellscript", "zsh", "curl"],
    grammar: "shellscript",
  },
  // Shiki maps `console` to its shell-session grammar (`$ ` prompts plus output), not to bash.
  { name: "console", shikiId: "shellsession", label: "Console", aliases: ["shellsession"], grammar: "shellsession" },
  { name: "javascript", shikiId: "javascript", label: "JavaScript", aliases: ["js", "mjs", "cjs"], grammar: "javascript" },
  { name: "typescript", shikiId: "typescript", label: "TypeScript", aliases: ["ts", "mts", "cts"], grammar: "typescript" },
  { name: "xml", shikiId: "xml", label: "XML", aliases: [], grammar: "xml" },
  { name: "html", shikiId: "html", label: "HTML", aliases: [], grammar: "html" },
  { name: "yaml", shikiId: "yaml", label: "YAML", aliases: ["yml"], grammar: "yaml" },
  { name: "java", shikiId: "java", label: "Java", aliases: [], grammar: "java" },
  { name: "python", shikiId: "python", label: "Python", aliases: ["py"], grammar: "python" },
  { name: "http", shikiId: "http", label: "HTTP", aliases: [], grammar: "http" },
  { name: "sql", shikiId: "sql", label: "SQL", aliases: [], grammar: "sql" },
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
