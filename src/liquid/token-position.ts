import type { Token } from "liquidjs";
import { LineIndex } from "./line-index.ts";

/** `[line, column]` of a token; a layout's tokens are asked about on every page that reaches the problem. */
const positions = new WeakMap<Token, [number, number]>();
/**
 * The line starts of the texts last asked about, the latest last: a page's problems come from its own text and the
 * few includes and layouts it renders, in turns.
 */
const indexed = new Map<string, LineIndex>();
const INDEXED_TEXTS = 8;

/**
 * A token's 1-based line and column, as liquidjs's `getPosition` gives them, without counting from the text's start
 * for each token as it does: a page with 20,000 undefined variables took minutes.
 */
export function tokenPosition(token: Token): [number, number] {
  let position = positions.get(token);
  if (!position) {
    const { line, column } = lineIndexOf(token.input).position(token.begin);
    positions.set(token, (position = [line, column]));
  }
  return position;
}

function lineIndexOf(text: string): LineIndex {
  let lines = indexed.get(text);
  if (lines) indexed.delete(text);
  else lines = new LineIndex(text);
  indexed.set(text, lines);
  if (indexed.size > INDEXED_TEXTS) indexed.delete(indexed.keys().next().value!);
  return lines;
}
