import {
  Output,
  TokenKind,
  toValue,
  toValueSync,
  LiquidError,
  Value,
  evalToken,
  type Context,
  type Emitter,
  type Filter,
  type Liquid,
  type Token,
} from "liquidjs";
import { isCalendarDay } from "../text/calendar-day.ts";
import { writtenAsUtc, writtenOffset } from "../text/written-offset.ts";
import { offsetText, wallClock } from "../text/xml-schema-time.ts";
import { installSyncTags } from "./sync-tags.ts";
import { tokenPosition } from "./token-position.ts";

/**
 * liquidjs evaluates every value through generators, so that a Drop may answer asynchronously. Pages render
 * synchronously (`renderSync`), where those generators do nothing but cost: about ten for each `{{ x | f }}`, and
 * their trampoline (`toValueSync`) was the biggest single cost of rendering layouts. In a synchronous render,
 * outputs and the values of tags (`if`, `unless`, `assign`…) are evaluated here with plain calls: the same steps
 * in the same order, the same errors. Ranges, filtered values inside expressions and asynchronous renders go
 * through liquidjs's own code. Installed once for the process: every Liquid engine shares liquidjs's classes.
 */
export function installSyncEvaluation(): void {
  if (installed) return;
  installed = true;
  installSyncTags();
  const valueOf = Value.prototype.value;
  Value.prototype.value = function (this: Value, ctx: Context, lenient?: boolean) {
    return ctx.sync ? (valueSync(this, ctx, lenient ?? false) as never) : valueOf.call(this, ctx, lenient);
  };
  const render = Output.prototype.render;
  Output.prototype.render = function (this: Output, ctx: Context, emitter: Emitter) {
    if (!ctx.sync) return render.call(this, ctx, emitter);
    // A Drop's valueOf() may itself be a generator, which liquidjs runs.
    const value = toValueSync(toValue(valueSync(this.value, ctx, false)));
    emitter.write(value instanceof Date ? rubyTime(value) : value);
    // A template's render is a generator, whose result the render loop reads: a sync one has none.
    return undefined as never;
  };
}

let installed = false;

/**
 * A date as Jekyll prints one (Ruby's Time#to_s, local time): `{{ page.date }}` shows `2024-01-02 20:00:00 -0800`,
 * not JavaScript's `Tue Jan 02 2024 …`.
 */
export function rubyTime(date: Date): string {
  if (Number.isNaN(date.getTime())) return "";
  const two = (n: number) => String(n).padStart(2, "0");
  // A YAML date without a time is a Ruby Date, printed as its day (src/liquid/filters/calendar-dates.ts).
  if (isCalendarDay(date)) return `${date.getUTCFullYear()}-${two(date.getUTCMonth() + 1)}-${two(date.getUTCDate())}`;
  // A YAML time written with its zone prints in it, as Psych keeps it: `…+09:00` at +0900, `…Z` as UTC.
  const written = writtenOffset(date);
  const offset = written ?? -date.getTimezoneOffset();
  const { day, time } = wallClock(date, offset);
  return `${day} ${time} ${written === 0 && writtenAsUtc(date) ? "UTC" : offsetText(offset, "")}`;
}

/** liquidjs's fields these steps read, which its types keep private. */
interface FilterFields {
  handler: (this: { context: Context; token: Token; liquid: Liquid }, ...args: unknown[]) => unknown;
  token: Token;
  liquid: Liquid;
}
interface Scopes {
  findScope(key: unknown): unknown;
}
interface OperatorToken extends Token {
  operator: string;
}
interface PropertyAccessToken extends Token {
  variable?: Token;
  props: Token[];
}

/** liquidjs's `Value.value`. */
function valueSync(value: Value, ctx: Context, lenient: boolean): unknown {
  const filters = value.filters;
  lenient ||= ctx.opts.lenientIf && filters.length > 0 && filters[0].name === "default";
  let result = expressionSync(value.initial.postfix, ctx, lenient);
  for (const filter of filters) result = filterSync(filter, result, ctx);
  return result;
}

/** liquidjs's `Expression.evaluate`: every operand is evaluated, `and` and `or` included. */
function expressionSync(postfix: readonly Token[], ctx: Context, lenient: boolean): unknown {
  if (postfix.length === 1 && postfix[0].kind !== TokenKind.Operator) return tokenSync(postfix[0], ctx, lenient);
  const operands: unknown[] = [];
  for (const token of postfix) {
    if (token.kind !== TokenKind.Operator) {
      operands.push(tokenSync(token, ctx, lenient));
      continue;
    }
    const { operator } = token as OperatorToken;
    const apply = ctx.opts.operators[operator] as (...operands: unknown[]) => unknown;
    const right = operands.pop();
    // liquidjs's one unary operator; every other one, its own and those of options, takes two operands.
    const result = operator === "not" ? apply(right, ctx) : apply(operands.pop(), right, ctx);
    operands.push(toValueSync(result));
  }
  return operands[0];
}

/** liquidjs's `Filter.render`. */
function filterSync(filter: Filter, value: unknown, context: Context): unknown {
  const argv: unknown[] = [];
  for (const arg of filter.args) {
    if (Array.isArray(arg)) argv.push([arg[0], tokenSync(arg[1], context, false)]);
    else argv.push(tokenSync(arg as Token, context, false));
  }
  const { handler, token, liquid } = filter as unknown as FilterFields;
  return toValueSync(handler.apply({ context, token, liquid }, [value, ...argv]));
}

/** liquidjs's `evalToken`. */
function tokenSync(token: Token | undefined, ctx: Context, lenient: boolean): unknown {
  if (!token) return undefined;
  if ("content" in token) return token.content;
  if (token.kind === TokenKind.PropertyAccess) return propertySync(token as PropertyAccessToken, ctx, lenient);
  return toValueSync(evalToken(token as never, ctx, lenient));
}

/**
 * liquidjs's `evalPropertyAccessToken`: a failed lookup becomes an error that names the variable. A lenient one
 * (`if`, `default`) reads as nil: liquidjs throws and catches an error for it, which a layout testing a dozen
 * optional values per page paid for each; the lookup here just does not throw, and gives nil where it would have.
 */
function propertySync(token: PropertyAccessToken, ctx: Context, lenient: boolean): unknown {
  const props: unknown[] = [];
  for (const prop of token.props) props.push(toValueSync(toValue(tokenSync(prop, ctx, false))));
  try {
    // liquidjs's `_get(props)` is `_getFromScope(findScope(props[0]), props)`.
    const scope = token.variable ? tokenSync(token.variable, ctx, lenient) : (ctx as unknown as Scopes).findScope(props[0]);
    // While the render loop renders a template again with names forgiven, those read as undefined, not nil.
    if (!lenient || !ctx.strictVariables || (ctx as { forgiven?: unknown }).forgiven) {
      return toValueSync(ctx._getFromScope(scope, props as never));
    }
    return toValueSync(ctx._getFromScope(scope, props as never, false)) ?? null;
  } catch (error) {
    if (lenient && (error as Error).name === "InternalUndefinedVariableError") return null;
    throw new UndefinedVariable(error as Error, token);
  }
}

/**
 * liquidjs's UndefinedVariableError, with the same message, but without the excerpt of the template it makes at
 * once by splitting the whole text and counting lines from its start: for each undefined variable of a page, which
 * made a page with 20,000 of them take minutes. Nothing of ours reads the excerpt.
 */
class UndefinedVariable extends LiquidError {
  constructor(error: Error, token: Token) {
    super(error, token);
    this.name = "UndefinedVariableError";
    const [line, column] = tokenPosition(token);
    this.message = `${error.message}${token.file ? `, file:${token.file}` : ""}, line:${line}, col:${column}`;
  }
}
