import { Drop, LiquidError, RenderError, TokenKind, toValueSync, type Context, type Emitter, type Liquid, type Template } from "liquidjs";
import { JekyllContext, undefinedVariableOf } from "./jekyll-context.ts";
import type { LiquidProblems } from "./liquid-problems.ts";
import { getRenderState, type RenderState } from "./render-state.ts";
import type { LiquidSourceMap } from "./source-map.ts";

/**
 * Replaces liquidjs's render loop (`renderer.renderTemplates`, which renders every template list at every depth:
 * pages, layouts, if, for, our include tags) with the same loop plus two things:
 * - the page body's source map records the output offset where each template starts (see source-map.ts);
 * - an undefined variable is reported and the template rendered again with it as nil, which is Jekyll's output.
 * A synchronous render (every page's) runs the loop as a plain function: liquidjs's is a generator, driven one
 * step per template by `toValueSync`, and text between tags is written without running its generator at all.
 * liquidjs's `renderLimit` option is left out: we never set it.
 */
export function installRenderLoop(liquid: Liquid, problems: LiquidProblems): void {
  liquid.renderer.renderTemplates = function (templates: Template[], ctx: Context, emitter?: Emitter) {
    return (ctx.sync ? renderListSync : renderList)(templates, ctx, emitter, problems) as never;
  };
}

/** The loop of a synchronous render. */
function renderListSync(templates: Template[], ctx: Context, emitter: Emitter | undefined, problems: LiquidProblems): string {
  const list = new ListRender(ctx, emitter);
  for (const template of templates) {
    const start = list.begin(template);
    try {
      // liquidjs's `HTML` template (text between tags), whose render only writes its text.
      const text = template.token.kind === TokenKind.HTML ? (template as { str?: unknown }).str : undefined;
      if (typeof text === "string") {
        list.out.write(text);
      } else {
        let html: unknown;
        try {
          html = toValueSync(template.render(ctx, list.out));
        } catch (error) {
          if (!list.forgives(error)) throw error;
          html = toValueSync(renderForgiving(template, list.jekyll!, list.out, start, error, problems, list.recordingMap));
        }
        if (html) list.out.write(html);
      }
      // Checked after text too: `tablerow` and a second matching `when` start a list with the flag still set.
      if (ctx.breakCalled || ctx.continueCalled) break;
    } catch (error) {
      list.failed(error, template);
    }
  }
  return list.end();
}

/** The loop of an asynchronous render, liquidjs's generator. */
function* renderList(templates: Template[], ctx: Context, emitter: Emitter | undefined, problems: LiquidProblems) {
  const list = new ListRender(ctx, emitter);
  for (const template of templates) {
    const start = list.begin(template);
    try {
      let html: unknown;
      try {
        html = yield template.render(ctx, list.out);
      } catch (error) {
        if (!list.forgives(error)) throw error;
        html = yield renderForgiving(template, list.jekyll!, list.out, start, error, problems, list.recordingMap);
      }
      if (html) list.out.write(html);
      if (ctx.breakCalled || ctx.continueCalled) break;
    } catch (error) {
      list.failed(error, template);
    }
  }
  return list.end();
}

/** What both loops do around each template of one list. */
class ListRender {
  readonly out: Emitter;
  readonly jekyll: JekyllContext | undefined;
  /** The page body's source map, when this list writes the body's own output. */
  readonly recordingMap: LiquidSourceMap | undefined;
  private readonly state: RenderState | undefined;
  private readonly outerForgiven: Set<string> | undefined;
  private errors: LiquidError[] | undefined;

  constructor(
    private readonly ctx: Context,
    emitter: Emitter | undefined,
  ) {
    const state = (this.state = getRenderState(ctx));
    const map = state?.sourceMap;
    // The page's top-level render: its output buffer is the one source map offsets refer to.
    if (map && !emitter && !map.emitter) emitter = map.emitter = new BufferEmitter();
    this.out = emitter ?? new BufferEmitter();
    this.recordingMap = map !== undefined && this.out === map.emitter ? map : undefined;
    // Forgiveness belongs to the template being rendered again, not to the templates inside it.
    this.jekyll = ctx instanceof JekyllContext ? ctx : undefined;
    this.outerForgiven = this.jekyll?.forgiven;
    if (this.outerForgiven) this.jekyll!.forgiven = undefined;
  }

  /** Where the template's output starts; the source map notes it. */
  begin(template: Template): number | undefined {
    const start = (this.out as BufferEmitter).buffer?.length;
    this.recordingMap?.record(start, template);
    return start;
  }

  /** Whether a template's error is an undefined variable to report and render past, as Jekyll does. */
  forgives(error: unknown): boolean {
    return this.jekyll !== undefined && this.state?.report !== undefined && undefinedVariableOf(error) !== undefined;
  }

  failed(error: unknown, template: Template): void {
    // liquidjs's `catchAllErrors`: the list goes on past a failing template and throws them all at its end.
    if (!this.ctx.opts.catchAllErrors) throw asLiquidError(error, template);
    (this.errors ??= []).push(asLiquidError(error, template) as LiquidError);
  }

  end(): string {
    if (this.outerForgiven) this.jekyll!.forgiven = this.outerForgiven;
    if (this.errors) throw new ErrorList(this.errors);
    return (this.out as BufferEmitter).buffer;
  }
}

/** Reports the undefined variable, then renders the template again with it (and any further ones) as nil. */
function* renderForgiving(
  template: Template,
  ctx: JekyllContext,
  out: Emitter,
  start: number | undefined,
  firstError: unknown,
  problems: LiquidProblems,
  map: LiquidSourceMap | undefined,
): Generator<unknown, unknown, unknown> {
  const forgiven = new Set<string>();
  let error = firstError;
  for (;;) {
    const name = undefinedVariableOf(error);
    // The same name failing again means it was not this template's lookup to forgive: stop as liquidjs would.
    if (name === undefined || forgiven.has(name)) throw asLiquidError(error, template);
    problems.undefinedVariable(ctx, name, template, (error as LiquidError).token);
    forgiven.add(name);
    // Whatever the failed attempt wrote (and recorded) is written again.
    if (start !== undefined) (out as BufferEmitter).buffer = (out as BufferEmitter).buffer.slice(0, start);
    map?.rewindTo(template);
    ctx.forgiven = forgiven;
    try {
      return yield template.render(ctx, out);
    } catch (retryError) {
      error = retryError;
    } finally {
      ctx.forgiven = undefined;
    }
  }
}

function asLiquidError(error: unknown, template: Template): unknown {
  return LiquidError.is(error) ? error : new RenderError(error as Error, template);
}

/** liquidjs's `LiquidErrors` (not exported): what a list rendered with `catchAllErrors` throws at its end. */
class ErrorList extends LiquidError {
  constructor(readonly errors: LiquidError[]) {
    super(errors[0], errors[0].token);
    this.name = "LiquidErrors";
    this.message = `${errors.length} error${errors.length > 1 ? "s" : ""} found`;
  }
}

/** liquidjs's own string emitter (not exported), with the same rules for turning values into text. */
class BufferEmitter implements Emitter {
  buffer = "";

  write(html: unknown): void {
    this.buffer += stringify(html);
  }
}

function stringify(value: unknown): string {
  const plain = value instanceof Drop && typeof value.valueOf === "function" ? value.valueOf() : value;
  if (typeof plain === "string") return plain;
  if (plain === null || plain === undefined) return "";
  if (Array.isArray(plain)) return plain.map(stringify).join("");
  return String(plain);
}
