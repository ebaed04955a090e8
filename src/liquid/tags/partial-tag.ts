import { Hash, Tag, TokenKind, type Context, type Emitter, type Liquid, type Parser, type TagToken, type Template, type TopLevelToken } from "liquidjs";
import { HintedError } from "../hinted-error.ts";
import { addChainLink, markOrigin } from "../include-chain.ts";
import { getRenderState, type RenderState } from "../render-state.ts";
import { tokenPosition } from "../token-position.ts";

/**
 * How deep includes may nest, as in Jekyll's Liquid ("Nesting too deep"). Recursion that stops by itself stays
 * possible; a partial that includes itself for ever would otherwise run until the stack overflows, keeping every
 * level's output, and a few links in it then took minutes and the whole heap (found by test/fuzz).
 */
const MAX_INCLUDE_DEPTH = 100;

/**
 * Shared base of Jekyll's `include` and `include_relative`: an unquoted file name that may contain
 * `{{ }}`, then `key=value` parameters read in the partial as `include.key`.
 */
export abstract class PartialTag extends Tag {
  private readonly fileName: string | Template[];
  private readonly params: Hash;
  private readonly currentFile: string;
  private tagLine: number | undefined;

  constructor(token: TagToken, remainTokens: TopLevelToken[], liquid: Liquid, parser: Parser) {
    super(token, remainTokens, liquid);
    // liquidjs reads `key="value %}` as the value less its last letter, in silence; Jekyll refuses the tag.
    const open = unclosedQuote(token.args);
    if (open) {
      throw new HintedError(
        `${token.name} has a ${open === '"' ? "double" : "single"} quote that is never closed: ${token.args.trim()}`,
        "liquid-syntax",
        `Close the value with ${open} before %}; a quote inside a value goes in the other kind of quotes.`,
      );
    }
    const { tokenizer } = token;
    tokenizer.skipBlank();
    const nameTokens = [...tokenizer.readFileNameTemplate(liquid.options)];
    const templates = parser.parseTokens(nameTokens);
    const literal = templates.length === 1 && templates[0].token.kind === TokenKind.HTML;
    this.fileName = literal ? unquote(templates[0].token.getText()) : templates;
    this.params = new Hash(tokenizer, true);
    this.currentFile = token.file ?? "";
  }

  /** The tag's line, counted once: the parsed tag serves every page that renders it. */
  private line(): number {
    return (this.tagLine ??= tokenPosition(this.token)[0]);
  }

  /** The absolute path of the partial named `name`, as seen from `currentFile`. */
  protected abstract resolve(state: RenderState, currentFile: string, name: string): string;

  *render(ctx: Context, emitter: Emitter): Generator<unknown, void, unknown> {
    const state = getRenderState(ctx);
    const name =
      typeof this.fileName === "string"
        ? this.fileName
        : unquote(String(yield this.liquid.renderer.renderTemplates(this.fileName, ctx)));
    const file = this.resolve(state, this.currentFile, name.trim());
    if ((state.includes?.length ?? 0) >= MAX_INCLUDE_DEPTH) {
      throw new HintedError(
        `Includes nested more than ${MAX_INCLUDE_DEPTH} deep at "${name.trim()}": a file includes itself, directly or through other includes`,
        "liquid-error",
        "Remove the include that leads back to a file already being included, or make the recursion stop with an {% if %}.",
      );
    }
    state.dependencies.add(file);
    const params = (yield this.params.render(ctx)) as Record<string, unknown>;
    ctx.push({ include: params });
    // The page's source map learns which include tag the partial's output comes through.
    state.sourceMap?.enterInclude(this.token);
    // Problems reported inside the partial name the include tags that led there.
    const tagLine = this.line();
    (state.includes ??= []).push({ file: this.currentFile, line: tagLine });
    try {
      // Parsed inside the `try`, so that a syntax error in the partial also names the page that included it.
      const templates = state.partials.get(file);
      yield this.liquid.renderer.renderTemplates(templates, ctx, emitter);
    } catch (error) {
      markOrigin(error, file);
      addChainLink(error, { file: this.currentFile, line: tagLine });
      throw error;
    } finally {
      state.includes.pop();
      state.sourceMap?.exitInclude();
      ctx.pop();
    }
  }
}

function unquote(text: string): string {
  const match = /^(["'])(.*)\1$/.exec(text.trim());
  return match ? match[2] : text;
}

/** The quote character left open at the end of a tag's arguments, if any (quotes inside the other kind are text). */
function unclosedQuote(args: string): string | undefined {
  let open: string | undefined;
  for (const char of args) {
    if (open) {
      if (char === open) open = undefined;
    } else if (char === '"' || char === "'") {
      open = char;
    }
  }
  return open;
}
