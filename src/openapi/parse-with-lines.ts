import yaml from "js-yaml";
import { lintJson, positionOf } from "../content/json-lint.ts";
import { childPointer, pointerKeys, pointerOf } from "./json-pointer.ts";

/** A YAML or JSON text read into plain values, with the line each node starts on. */
export interface TextWithLines {
  value: unknown;
  /**
   * The 1-based line of the node at a JSON pointer: the line of its key for an entry of a mapping, of its item
   * for an entry of a list. A pointer to a node the text does not have gives the line of its nearest ancestor.
   */
  lineOf(pointer: string): number;
}

/** Why a text could not be read, and where. */
export class TextSyntaxError extends Error {
  constructor(
    message: string,
    readonly line: number,
    readonly column: number | undefined,
    /** What to do, when it is not the usual check of indentation, commas and quotes. */
    readonly hint?: string,
  ) {
    super(message);
    this.name = "TextSyntaxError";
  }
}

/** What js-yaml's listener is told at the start and end of each node. */
interface NodeFrame {
  line: number;
  kind?: string | null;
  result?: unknown;
  children: NodeFrame[];
}

/**
 * Reads YAML or JSON (JSON is YAML) and records where each node starts, for diagnostics at the offending line.
 * js-yaml's listener reports every node as it opens and closes; a pass over that tree names each node by its
 * pointer. It costs a fraction of a parser that keeps a full syntax tree (`yaml`'s parseDocument is about ten
 * times slower on a 20,000-line API description). Throws TextSyntaxError.
 */
export function parseWithLines(text: string, options: { json?: boolean } = {}): TextWithLines {
  if (options.json) {
    // js-yaml would accept JSON with comments or single quotes; our JSON reader names the mistake instead.
    const problem = lintJson(text);
    if (problem) {
      const { line, column } = positionOf(text, problem.offset);
      throw new TextSyntaxError(problem.message, line, column);
    }
  }
  const root: NodeFrame = { line: 0, children: [] };
  const open: NodeFrame[] = [root];
  let value: unknown;
  try {
    value = yaml.load(text, {
      // YAML 1.2's core types only: an unquoted date stays the string the writer typed, as in JSON.
      schema: yaml.CORE_SCHEMA,
      listener(event, state) {
        if (event === "open") {
          open.push({ line: state.line, children: [] });
          return;
        }
        const frame = open.pop() as NodeFrame;
        frame.kind = state.kind;
        frame.result = state.result;
        open[open.length - 1].children.push(frame);
      },
    });
  } catch (error) {
    const mark = (error as { mark?: { line: number; column: number } }).mark;
    const reason = (error as { reason?: string }).reason ?? (error as Error).message;
    throw new TextSyntaxError(reason, mark ? mark.line + 1 : 1, mark ? mark.column + 1 : undefined);
  }
  const lines = new Map<string, number>();
  const top = root.children.at(-1);
  if (top) recordLines(top, "", lines);
  const lineOf = (pointer: string) => nearestLine(lines, pointer);
  refuseEndlessAliases(value, lineOf);
  return { value, lineOf };
}

/** More values than the largest API descriptions we know expand to (a few hundred thousand), by a wide margin. */
const MAX_EXPANDED_VALUES = 2_000_000;
const ALIAS_HINT = "Write the part out where it is needed, or point at it with $ref instead of a YAML alias (*name).";

/**
 * YAML aliases (`*name`) make a document a graph: an alias inside the node it names makes it endless (every reader
 * of it would recurse until the stack ends), and aliases of aliases can make a short text expand to billions of
 * values. Both are refused at the alias's line, in one walk that stops at the first sign of either.
 */
function refuseEndlessAliases(value: unknown, lineOf: (pointer: string) => number): void {
  let budget = MAX_EXPANDED_VALUES;
  const onPath = new Set<object>();
  const walk = (node: unknown, pointer: string): void => {
    if (--budget < 0) {
      throw new TextSyntaxError(`its aliases (*name) make the document more than ${MAX_EXPANDED_VALUES.toLocaleString("en-US")} values long`, lineOf(pointer), undefined, ALIAS_HINT);
    }
    if (node === null || typeof node !== "object") return;
    if (onPath.has(node)) {
      throw new TextSyntaxError("an alias (*name) here stands for a part that holds it, which makes the document endless", lineOf(pointer), undefined, ALIAS_HINT);
    }
    onPath.add(node);
    if (Array.isArray(node)) node.forEach((item, index) => walk(item, childPointer(pointer, index)));
    else for (const [key, child] of Object.entries(node)) walk(child, childPointer(pointer, key));
    onPath.delete(node);
  };
  walk(value, "");
}

function recordLines(start: NodeFrame, pointer: string, lines: Map<string, number>): void {
  const node = unwrapped(start);
  if (node.kind === "mapping" && node.children.length % 2 === 0) {
    for (let i = 0; i < node.children.length; i += 2) {
      const key = node.children[i];
      const at = childPointer(pointer, String(key.result));
      lines.set(at, key.line + 1);
      recordLines(node.children[i + 1], at, lines);
    }
  } else if (node.kind === "sequence" && Array.isArray(node.result) && node.children.length === node.result.length) {
    // An empty item (`-` alone on its line) has no node of its own; the items are then not matched by position.
    node.children.forEach((item, index) => {
      const at = childPointer(pointer, index);
      lines.set(at, unwrapped(item).line + 1);
      recordLines(item, at, lines);
    });
  }
}

/**
 * js-yaml reads a value that might turn out to be a mapping key (a flow collection at the top, an item in a list)
 * one level deeper: a node whose only child has the same value is that child.
 */
function unwrapped(node: NodeFrame): NodeFrame {
  let current = node;
  while (current.children.length === 1 && current.children[0].result === current.result && typeof current.result === "object") {
    current = current.children[0];
  }
  return current;
}

function nearestLine(lines: ReadonlyMap<string, number>, pointer: string): number {
  const keys = pointerKeys(pointer);
  for (let length = keys.length; length > 0; length--) {
    const line = lines.get(pointerOf(keys.slice(0, length)));
    if (line !== undefined) return line;
  }
  return 1;
}
