import { Drop, LiquidError, RenderError, type Context, type Emitter, type Liquid, type Template } from "liquidjs";
import { JekyllContext, undefinedVariableOf } from "./jekyll-context.ts";
import type { LiquidProblems } from "./liquid-problems.ts";
import { getRenderState } from "./render-state.ts";
import type { LiquidSourceMap } from "./source-map.ts";

/**
 * Replaces liquidjs's render loop (`renderer.renderTemplates`, which renders every template list at every depth:
 * pages, layouts, if, for, our include tags) with the same loop plus two things:
 * - the page body's source map records the output offset where each template starts (see source-map.ts);
 * - an undefined variable is reported and the template rendered again with it as nil, which is Jekyll's output.
 * liquidjs's `renderLimit` option is left out: we never set it.
 */
export function installRenderLoop(liquid: Liquid, problems: LiquidProblems): void {
  liquid.renderer.renderTemplates = function* (templates: Template[], ctx: Context, emitter?: Emitter) {
    const state = getRenderState(ctx);
    const map = state?.sourceMap;
    // The page's top-level render: its output buffer is the one source map offsets refer to.
    if (map && !emitter && !map.emitter) emitter = map.emitter = new BufferEmitter();
    const out = emitter ?? new BufferEmitter();
    const recording = map !== undefined && out === map.emitter;
    // Forgiveness belongs to the template being rendered again, not to the templates inside it.
    const jekyll = ctx instanceof JekyllContext ? ctx : undefined;
    const outerForgiven = jekyll?.forgiven;
    if (outerForgiven) jekyll!.forgiven = undefined;
    let errors: LiquidError[] | undefined;
    for (const template of templates) {
      const start = (out as BufferEmitter).buffer?.length;
      if (recording) map.record(start, template);
      try {
        let html: unknown;
        try {
          html = yield template.render(ctx, out);
        } catch (error) {
          if (!jekyll || !state?.report || undefinedVariableOf(error) === undefined) throw error;
          html = yield renderForgiving(template, jekyll, out, start, error, problems, recording ? map : undefined);
        }
        if (html) out.write(html);
        if (ctx.breakCalled || ctx.continueCalled) break;
      } catch (error) {
        // liquidjs's `catchAllErrors`: the list goes on past a failing template and throws them all at its end.
        if (!ctx.opts.catchAllErrors) throw asLiquidError(error, template);
        (errors ??= []).push(asLiquidError(error, template) as LiquidError);
      }
    }
    if (outerForgiven) jekyll!.forgiven = outerForgiven;
    if (errors) throw new ErrorList(errors);
    return (out as BufferEmitter).buffer;
  };
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
