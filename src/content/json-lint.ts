/** The first thing wrong with a JSON text: where it is and what it is, in words a writer can act on. */
export interface JsonProblem {
  /** Offset in the text. */
  offset: number;
  message: string;
}

/** The line and column (1-based) of an offset in a text, such as a JsonProblem's. */
export function positionOf(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, offset);
  const lineStart = before.lastIndexOf("\n") + 1;
  return { line: before.split("\n").length, column: offset - lineStart + 1 };
}

/**
 * A strict JSON reader that explains itself. `JSON.parse` only says "Unexpected token"; examples written by hand
 * fail in a few typical ways (a trailing comma, a comment, an unquoted key, single quotes, a placeholder outside
 * quotes), and naming the mistake tells the writer the fix.
 */
export function lintJson(text: string): JsonProblem | undefined {
  try {
    const reader = new JsonReader(text);
    reader.document();
    return undefined;
  } catch (error) {
    if (error instanceof Problem) return { offset: error.offset, message: error.message };
    throw error;
  }
}

class Problem extends Error {
  constructor(
    readonly offset: number,
    message: string,
  ) {
    super(message);
  }
}

const NOT_JSON_WORDS: Record<string, string> = {
  True: "true",
  False: "false",
  None: "null",
  undefined: "null",
  NULL: "null",
  TRUE: "true",
  FALSE: "false",
};

class JsonReader {
  private pos = 0;

  constructor(private readonly text: string) {}

  document(): void {
    this.skipSpace();
    if (this.pos >= this.text.length) return; // an empty block says nothing wrong
    this.value();
    this.skipSpace();
    if (this.pos < this.text.length) {
      const rest = this.text[this.pos];
      if (rest === ",") this.fail("A comma after the last value: remove it");
      this.fail("Unexpected text after the end of the JSON value (a missing [ or {, or a second value?)");
    }
  }

  private value(): void {
    const c = this.text[this.pos];
    if (c === "{") return this.object();
    if (c === "[") return this.array();
    if (c === '"') return this.string();
    if (c === "'") this.fail("Strings and property names must use double quotes, not single quotes");
    if (c === "-" || isDigit(c)) return this.number();
    if (c === "<") this.fail(`The placeholder ${this.placeholder()} must be inside a string: write "${this.placeholder()}"`);
    if (c === "." && this.text.startsWith("...", this.pos)) this.fail('"..." is not JSON: remove it, or put it in a string');
    if (c === undefined) this.fail("The JSON ends where a value is expected");
    if (isWordStart(c)) {
      const word = this.word();
      if (word === "true" || word === "false" || word === "null") {
        this.pos += word.length;
        return;
      }
      if (NOT_JSON_WORDS[word]) this.fail(`"${word}" is not JSON: write ${NOT_JSON_WORDS[word]}`);
      if (word === "NaN" || word === "Infinity") this.fail(`${word} is not a JSON number`);
      this.fail(`Unquoted text "${word}": strings must be in double quotes`);
    }
    this.fail(`Unexpected "${c}" where a value is expected`);
  }

  private object(): void {
    this.pos++; // {
    this.skipSpace();
    if (this.text[this.pos] === "}") {
      this.pos++;
      return;
    }
    for (;;) {
      this.skipSpace();
      const c = this.text[this.pos];
      if (c === '"') this.string();
      else if (c === "'") this.fail("Property names must use double quotes, not single quotes");
      else if (c !== undefined && isWordStart(c)) {
        this.fail(`The property name ${this.word()} must be in double quotes: "${this.word()}"`);
      }
      else if (c === "." && this.text.startsWith("...", this.pos)) this.fail('"..." is not JSON: remove it, or put it in a string');
      else if (c === undefined) this.fail("The JSON ends inside an object: a } is missing");
      else this.fail(`Unexpected "${c}" where a property name in double quotes is expected`);
      this.skipSpace();
      if (this.text[this.pos] !== ":") this.fail('A ":" is missing after the property name');
      this.pos++;
      this.skipSpace();
      this.value();
      if (this.afterItem("}", "object")) return;
    }
  }

  private array(): void {
    this.pos++; // [
    this.skipSpace();
    if (this.text[this.pos] === "]") {
      this.pos++;
      return;
    }
    for (;;) {
      this.skipSpace();
      this.value();
      if (this.afterItem("]", "array")) return;
    }
  }

  /** After a member or element: `,` (true: more follow) or the closing bracket (false). */
  private afterItem(close: "}" | "]", what: string): boolean {
    this.skipSpace();
    const c = this.text[this.pos];
    if (c === close) {
      this.pos++;
      return true;
    }
    if (c === ",") {
      const comma = this.pos;
      this.pos++;
      this.skipSpace();
      if (this.text[this.pos] === close) {
        throw new Problem(comma, `Trailing comma before "${close}": JSON allows no comma after the last item`);
      }
      return false;
    }
    if (c === undefined) this.fail(`The JSON ends inside an ${what}: a ${close} is missing`);
    if (c === '"' || c === "{" || c === "[" || isDigit(c) || isWordStart(c)) {
      this.fail(`A comma is missing before this ${what === "object" ? "property" : "value"}`);
    }
    this.fail(`Unexpected "${c}": expected "," or "${close}"`);
    return true;
  }

  private string(): void {
    const start = this.pos;
    this.pos++; // "
    for (;;) {
      const c = this.text[this.pos];
      if (c === undefined) throw new Problem(start, "This string is never closed: a \" is missing");
      if (c === '"') {
        this.pos++;
        return;
      }
      if (c === "\n" || c === "\r") this.fail("A line break inside a string: close the string on the same line, or write \\n");
      if (c < " ") this.fail("A control character inside a string: escape it");
      if (c === "\\") {
        const next = this.text[this.pos + 1];
        if (next === "u") {
          const digits = this.text.slice(this.pos + 2, this.pos + 6);
          if (!/^[0-9a-fA-F]{4}$/.test(digits)) this.fail("\\u must be followed by four hex digits");
          this.pos += 6;
          continue;
        }
        if (next === undefined || !'"\\/bfnrt'.includes(next)) this.fail(`Unknown escape "\\${next ?? ""}" in a string`);
        this.pos += 2;
        continue;
      }
      this.pos++;
    }
  }

  private number(): void {
    const match = /-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?/y;
    match.lastIndex = this.pos;
    const found = match.exec(this.text);
    if (!found) this.fail("A number must have digits after the minus sign");
    const end = this.pos + found[0].length;
    if (isDigit(this.text[end]) && found[1] === "0") this.fail("Numbers must not start with a leading zero");
    if (this.text[end] === ".") this.fail("A number must have digits after the decimal point");
    this.pos = end;
  }

  private skipSpace(): void {
    for (;;) {
      const c = this.text[this.pos];
      if (c === " " || c === "\t" || c === "\n" || c === "\r") this.pos++;
      else if (c === "/" && (this.text[this.pos + 1] === "/" || this.text[this.pos + 1] === "*")) {
        this.fail("Comments are not allowed in JSON: remove it, or mark the block ```jsonc");
      } else if (c === "#") this.fail("Comments are not allowed in JSON: remove it, or mark the block ```jsonc");
      else return;
    }
  }

  private word(): string {
    const match = /[A-Za-z_$][\w$.-]*/y;
    match.lastIndex = this.pos;
    return match.exec(this.text)?.[0] ?? "";
  }

  private placeholder(): string {
    const end = this.text.indexOf(">", this.pos);
    const newline = this.text.indexOf("\n", this.pos);
    return end === -1 || (newline !== -1 && newline < end) ? "<…>" : this.text.slice(this.pos, end + 1);
  }

  private fail(message: string): never {
    throw new Problem(this.pos, message);
  }
}

function isDigit(c: string | undefined): boolean {
  return c !== undefined && c >= "0" && c <= "9";
}

function isWordStart(c: string): boolean {
  return /[A-Za-z_$]/.test(c);
}
