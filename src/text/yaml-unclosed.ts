/**
 * A quote or a `[` or `{` that js-yaml found never closed (it reports that where the text ends): the line that opens
 * it, counted from 0 in `lines`, and the mark; undefined for any other error, or when no line opens one.
 */
export function unclosedOpening(reason: string, lines: readonly string[], firstLine = 0): { index: number; mark: string } | undefined {
  const what = /within a (double|single) quoted scalar/.exec(reason)?.[1] ?? (/within a flow collection|between flow collection entries/.test(reason) ? "flow" : undefined);
  if (!what) return undefined;
  const opener = what === "double" ? /(?::|^\s*-)\s*"(?:[^"\\]|\\.)*$/ : what === "single" ? /(?::|^\s*-)\s*'(?:[^']|'')*$/ : /(?::|^\s*-)\s*[[{][^\]}]*$/;
  // The last line that opens one and leaves it open: one before it may be a value that rightly goes on over lines.
  const index = lines.findLastIndex((line, i) => i >= firstLine && opener.test(line));
  if (index === -1) return undefined;
  const mark = what === "double" ? '"' : what === "single" ? "'" : (lines[index].trimEnd().match(/[[{]/)?.[0] ?? "[");
  return { index, mark };
}

/** What closes `mark`. */
export function closerOf(mark: string): string {
  return mark === "[" ? "]" : mark === "{" ? "}" : mark;
}
