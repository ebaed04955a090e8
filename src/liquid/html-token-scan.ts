import { Tokenizer } from "liquidjs";
import { escapeRegExp } from "../text/escape-reg-exp.ts";

/**
 * liquidjs finds the end of the text between two tags one character at a time, and makes a closure for each
 * character it looks at (`stopStrings.some((s) => this.match(s))`): 156 MB of garbage, a seventh of everything
 * a 1,500-page build allocates, for 4 KB pages. Here the same position is found with one regular expression
 * search: the first place before the end of the tokenizer's range where a stop string starts (it may run past the
 * range, as liquidjs's own check lets it). Installed once for the process: every Liquid engine shares the class.
 */
export function installHtmlTokenScan(): void {
  if (installed) return;
  installed = true;
  const HtmlToken = new Tokenizer("x").readHTMLToken([]).constructor as HtmlTokenClass;
  Tokenizer.prototype.readHTMLToken = function (this: Tokenizer, stopStrings: string[]) {
    const begin = this.p;
    if (begin < this.N) this.p = stopAt(this.input, begin, this.N, stopStrings);
    return new HtmlToken(this.input, begin, this.p, this.file);
  };
}

let installed = false;

type HtmlTokenClass = new (input: string, begin: number, end: number, file?: string) => ReturnType<Tokenizer["readHTMLToken"]>;

/** One search for any of a list of stop strings, by the list (liquidjs passes the same few lists). */
const searches = new Map<string, { pattern: RegExp; longest: number }>();

/** Where the first of `stopStrings` starts in `input` from `begin`, if before `end`; else `end`. */
function stopAt(input: string, begin: number, end: number, stopStrings: string[]): number {
  if (stopStrings.length === 0) return end;
  // An empty stop string matches where the scan starts, even outside the input (where a search would not start).
  if (stopStrings.includes("")) return begin;
  // Not joined with a separator: a delimiter may contain any character.
  const key = JSON.stringify(stopStrings);
  let search = searches.get(key);
  if (!search) {
    const alternatives = stopStrings.map(escapeRegExp);
    search = { pattern: new RegExp(alternatives.join("|"), "g"), longest: Math.max(...stopStrings.map((stop) => stop.length)) };
    searches.set(key, search);
  }
  // Searched up to the range's end only (a tokenizer over part of a template would otherwise search the rest of
  // it on every call), plus what a stop string starting just before that end needs.
  const searched = end === input.length ? input : input.slice(0, Math.min(input.length, end + search.longest - 1));
  search.pattern.lastIndex = begin;
  const found = search.pattern.exec(searched);
  return found && found.index < end ? found.index : end;
}
