/**
 * A quote or a `[` or `{` that js-yaml found never closed (it reports that where the text ends): the line that opens
 * it, counted from 0 in `lines`, and the mark; undefined for any other error, or when no line opens one.
 */
function unclosedOpening(reason: string, lines: readonly string[], firstLine = 0): { index: number; mark: string } | undefined {
  const what = /within a (double|single) quoted scalar/.exec(reason)?.[1] ?? (/within a flow collection|between flow collection entries/.test(reason) ? "flow" : undefined);
  if (!what) return undefined;
  const opener = what === "double" ? /(?::|^\s*-)\s*"(?:[^"\\]|\\.)*$/ : what === "single" ? /(?::|^\s*-)\s*'(?:[^']|'')*$/ : /(?::|^\s*-)\s*[[{][^\]}]*$/;
  // The last line that opens one and leaves it open: one before it may be a value that rightly goes on over lines.
  const index = lines.findLastIndex((line, i) => i >= firstLine && opener.test(line));
  if (index === -1) return undefined;
  const mark = what === "double" ? '"' : what === "single" ? "'" : (lines[index].trimEnd().match(/[[{]/)?.[0] ?? "[");
  return { index, mark };
}

/**
 * js-yaml's `error` as a quote or bracket never closed: the line that opens it (1-based, in `lines`), what to say
 * of it and how to fix it; undefined for any other error.
 */
export function unclosedProblem(error: unknown, lines: readonly string[], firstLine = 0): { line: number; says: string; hint: string } | undefined {
  const open = unclosedOpening((error as { reason?: string }).reason ?? "", lines, firstLine);
  if (!open) return undefined;
  return { line: open.index + 1, says: `the ${open.mark} opened on this line is never closed`, hint: `Close it with ${closerOf(open.mark)} on the same line.` };
}

/** What closes `mark`. */
function closerOf(mark: string): string {
  return mark === "[" ? "]" : mark === "{" ? "}" : mark;
}
