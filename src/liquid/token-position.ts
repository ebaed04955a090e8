import type { Token } from "liquidjs";
import { LineIndex } from "./line-index.ts";

/** `[line, column]` of a token; a layout's tokens are asked about on every page that reaches the problem. */
const positions = new WeakMap<Token, [number, number]>();
/** The line starts of the text last asked about: a page's problems come one after another from the same text. */
let indexed: LineIndex | undefined;

/**
 * A token's 1-based line and column, as liquidjs's `getPosition` gives them, without counting from the text's start
 * for each token as it does: a page with 20,000 undefined variables took minutes.
 */
export function tokenPosition(token: Token): [number, number] {
  let position = positions.get(token);
  if (!position) {
    if (indexed?.text !== token.input) indexed = new LineIndex(token.input);
    const { line, column } = indexed.position(token.begin);
    positions.set(token, (position = [line, column]));
  }
  return position;
}
