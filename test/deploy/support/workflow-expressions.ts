// GitHub Actions expressions (`${{ ... }}`), the part of their language deploy.yml uses: literals, property paths,
// ! && || == != < <= > >=, parentheses, fromJSON/contains and the status functions. Coercions follow GitHub's
// documentation: mixed types compare as numbers, strings compare case-insensitively, `&&` and `||` stop at the
// first operand that decides. A path that names nothing throws where it is evaluated (GitHub would give ""), so
// that a typo in the workflow fails the test instead of passing as empty.

export type Value = string | number | boolean | null | Value[] | { [key: string]: Value };

export interface StatusFunctions {
  success(): boolean;
  failure(): boolean;
  cancelled(): boolean;
  always(): boolean;
}

export interface Scope {
  contexts: Record<string, Value>;
  status: StatusFunctions;
}

const STATUS_FUNCTIONS = new Set(["success", "failure", "cancelled", "always"]);
const CALLS_STATUS = /\b(?:success|failure|cancelled|always)\s*\(/;
const TOKEN = /\s*(?:(\d+(?:\.\d+)?)|'((?:[^']|'')*)'|(==|!=|<=|>=|&&|\|\||[!<>().,[\]])|([A-Za-z_][\w-]*))/y;

type Token = { kind: "number" | "string" | "op" | "name"; text: string };

function tokenize(source: string): Token[] {
  const tokens: Token[] = [];
  TOKEN.lastIndex = 0;
  while (TOKEN.lastIndex < source.trimEnd().length) {
    const at = TOKEN.lastIndex;
    const m = TOKEN.exec(source);
    if (!m) throw new SyntaxError(`cannot read the expression ${JSON.stringify(source)} at ${at}`);
    if (m[1] !== undefined) tokens.push({ kind: "number", text: m[1] });
    else if (m[2] !== undefined) tokens.push({ kind: "string", text: m[2].replaceAll("''", "'") });
    else if (m[3] !== undefined) tokens.push({ kind: "op", text: m[3] });
    else tokens.push({ kind: "name", text: m[4] });
  }
  return tokens;
}

function toNumber(v: Value): number {
  if (v === null) return 0;
  if (typeof v === "boolean") return v ? 1 : 0;
  if (typeof v === "number") return v;
  if (typeof v === "string") return v.trim() === "" ? 0 : Number(v);
  return NaN;
}

function truthy(v: Value): boolean {
  return !(v === false || v === null || v === "" || v === 0 || Number.isNaN(v));
}

function looseEquals(a: Value, b: Value): boolean {
  if (typeof a === "string" && typeof b === "string") return a.toLowerCase() === b.toLowerCase();
  if (typeof a !== typeof b || typeof a === "number" || typeof a === "boolean" || a === null) return toNumber(a) === toNumber(b);
  return a === b;
}

function compare(op: string, a: Value, b: Value): boolean {
  const [x, y] = typeof a === "string" && typeof b === "string" ? [a.toLowerCase(), b.toLowerCase()] : [toNumber(a), toNumber(b)];
  return op === "<" ? x < y : op === "<=" ? x <= y : op === ">" ? x > y : x >= y;
}

/**
 * Recursive descent over the tokens, evaluating as it goes; `||` and `&&` return an operand, as GitHub's do. An
 * operand they do not need is read with `skipping` set: parsed, not evaluated.
 */
class Evaluator {
  private pos = 0;
  private skipping = false;
  constructor(private readonly tokens: Token[], private readonly scope: Scope) {}

  run(): Value {
    const value = this.or();
    if (this.pos < this.tokens.length) throw new SyntaxError(`unexpected ${this.tokens[this.pos].text}`);
    return value;
  }

  private peek(text: string): boolean {
    const t = this.tokens[this.pos];
    return t !== undefined && t.kind === "op" && t.text === text;
  }

  private expect(text: string): void {
    if (!this.peek(text)) throw new SyntaxError(`expected ${text} at token ${this.pos}`);
    this.pos++;
  }

  private skipped(read: () => Value): void {
    const was = this.skipping;
    this.skipping = true;
    read();
    this.skipping = was;
  }

  private or(): Value {
    let left = this.and();
    while (this.peek("||")) {
      this.pos++;
      if (truthy(left)) this.skipped(() => this.and());
      else left = this.and();
    }
    return left;
  }

  private and(): Value {
    let left = this.equality();
    while (this.peek("&&")) {
      this.pos++;
      if (truthy(left)) left = this.equality();
      else this.skipped(() => this.equality());
    }
    return left;
  }

  private equality(): Value {
    let left = this.comparison();
    while (this.peek("==") || this.peek("!=")) {
      const op = this.tokens[this.pos++].text;
      const equal = looseEquals(left, this.comparison());
      left = op === "==" ? equal : !equal;
    }
    return left;
  }

  private comparison(): Value {
    let left = this.unary();
    while (["<", "<=", ">", ">="].some((op) => this.peek(op))) {
      const op = this.tokens[this.pos++].text;
      left = compare(op, left, this.unary());
    }
    return left;
  }

  private unary(): Value {
    if (this.peek("!")) {
      this.pos++;
      return !truthy(this.unary());
    }
    return this.postfix();
  }

  private postfix(): Value {
    const start = this.tokens[this.pos];
    if (start?.kind === "name" && this.tokens[this.pos + 1]?.text === "(") return this.call();
    let value = this.primary();
    let path = start?.text ?? "";
    for (;;) {
      let key: string;
      if (this.peek(".")) {
        this.pos++;
        key = this.tokens[this.pos++]?.text ?? "";
      } else if (this.peek("[")) {
        this.pos++;
        key = String(this.or());
        this.expect("]");
      } else return value;
      path += `.${key}`;
      if (this.skipping) continue;
      if (value === null || typeof value !== "object" || !(key in value)) throw new ReferenceError(`${path} is not defined here`);
      value = (value as Record<string, Value>)[key];
    }
  }

  private call(): Value {
    const name = this.tokens[this.pos].text;
    this.pos += 2;
    const args: Value[] = [];
    while (!this.peek(")")) {
      args.push(this.or());
      if (!this.peek(")")) this.expect(",");
    }
    this.pos++;
    if (this.skipping) return null;
    if (STATUS_FUNCTIONS.has(name)) {
      return this.scope.status[name as keyof StatusFunctions]();
    }
    if (name === "fromJSON") return JSON.parse(String(args[0])) as Value;
    if (name === "contains") {
      const [haystack, needle] = args;
      if (Array.isArray(haystack)) return haystack.some((item) => looseEquals(item, needle));
      return String(haystack).toLowerCase().includes(String(needle).toLowerCase());
    }
    throw new ReferenceError(`function ${name}() is not known to this evaluator`);
  }

  private primary(): Value {
    const t = this.tokens[this.pos++];
    if (!t) throw new SyntaxError("the expression ends too early");
    if (t.kind === "number") return Number(t.text);
    if (t.kind === "string") return t.text;
    if (t.kind === "op" && t.text === "(") {
      const value = this.or();
      this.expect(")");
      return value;
    }
    if (t.kind === "name") {
      if (t.text === "true" || t.text === "false") return t.text === "true";
      if (t.text === "null") return null;
      if (!(t.text in this.scope.contexts)) {
        if (this.skipping) return null;
        throw new ReferenceError(`context ${t.text} is not available here`);
      }
      return this.scope.contexts[t.text];
    }
    throw new SyntaxError(`unexpected ${t.text}`);
  }
}

const WRAPPED = /^\s*\$\{\{([\s\S]*)\}\}\s*$/;

/**
 * Whether an `if:` (with or without `${{ }}`; none is `success()`) lets its job or step run. As the runner reads
 * it: a condition that calls no status function means `success() && (condition)`.
 */
export function conditionHolds(condition: string | undefined, scope: Scope): boolean {
  let source = condition === undefined ? "success()" : (WRAPPED.exec(condition)?.[1] ?? condition);
  if (!CALLS_STATUS.test(source)) source = `success() && (${source})`;
  return truthy(new Evaluator(tokenize(source), scope).run());
}

function asText(v: Value): string {
  if (v === null) return "";
  return typeof v === "object" ? JSON.stringify(v) : String(v);
}

/** A string with each `${{ expression }}` replaced by its value. A whole-string expression keeps its type. */
export function interpolate(text: string, scope: Scope): Value {
  const whole = WRAPPED.exec(text);
  if (whole && !whole[1].includes("}}")) return new Evaluator(tokenize(whole[1]), scope).run();
  return text.replace(/\$\{\{([\s\S]*?)\}\}/g, (_, expr: string) => asText(new Evaluator(tokenize(expr), scope).run()));
}

/** interpolate(), as the string an input or an environment variable receives. */
export function interpolateText(text: string | number | boolean, scope: Scope): string {
  return asText(interpolate(String(text), scope));
}
