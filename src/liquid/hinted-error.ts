/**
 * An error of ours raised inside a Liquid render or parse (a plugin that failed, a tag only a Ruby plugin
 * defined) that knows its diagnostic code and hint; src/liquid/liquid-diagnostic.ts places it at the tag.
 */
export class HintedError extends Error {
  constructor(
    message: string,
    readonly code: string,
    readonly hint: string,
  ) {
    super(message);
    this.name = "HintedError";
  }
}
