import { createRequire } from "node:module";
import type { HighlighterCore, LanguageRegistration } from "shiki";
import { InstallProblem } from "../../diagnostics/install-problem.ts";
import { CODE_LANGUAGES } from "./languages.ts";

/**
 * Shiki's grammar modules are ES modules of data; Node (20.19 and later, as package.json requires) loads them with
 * require(), synchronously, so a grammar can be loaded in the middle of rendering a page, where a block needs it.
 */
const requireModule = createRequire(import.meta.url);

/** The languages each Shiki instance has, by Shiki's id: loaded here, or found loaded. */
const ready = new WeakMap<HighlighterCore, Set<string>>();

/**
 * Loads the grammar of a language (Shiki's id) into Shiki, unless it has it. Grammars are loaded as they are first
 * needed: an element guide shows JSON and shell, and loading the other twelve of ours kept 5.6 MiB of heap and
 * took up to 0.2 s of CPU at start. The output does not depend on the order grammars are loaded in: none of ours refers to
 * another's scopes but those it embeds, which come with it (test/unit/markdown/highlight/grammar-loader.test.ts).
 */
export function loadGrammar(shiki: HighlighterCore, shikiId: string, load: (module: string) => unknown = requireModule): void {
  let languages = ready.get(shiki);
  if (!languages) ready.set(shiki, (languages = new Set()));
  if (languages.has(shikiId)) return;
  const grammar = CODE_LANGUAGES.find((language) => language.shikiId === shikiId)?.grammar;
  // A language some other grammar brought along (html brings javascript) is not loaded a second time.
  if (grammar && !shiki.getLoadedLanguages().includes(shikiId)) shiki.loadLanguageSync(grammarModule(grammar, load));
  languages.add(shikiId);
}

/** Shiki's module of a grammar; one that is missing from node_modules is an InstallProblem, not a bug. */
function grammarModule(grammar: string, load: (module: string) => unknown): LanguageRegistration[] {
  const module = `shiki/langs/${grammar}.mjs`;
  try {
    return (load(module) as { default: LanguageRegistration[] }).default;
  } catch (error) {
    const reason = error instanceof Error ? error.message.split("\n")[0] : String(error);
    throw new InstallProblem(`The code highlighter's grammar ${module} could not be loaded: ${reason}`, { cause: error });
  }
}
