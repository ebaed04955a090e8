/**
 * `code` as a fenced code block in `language`, its fence longer than any run of backticks in the code, so that the
 * code cannot close it. `indent` goes before each line after the first: a fence written inside a list item.
 */
export function fencedCode(code: string, language: string, indent = ""): string {
  const fence = "`".repeat(Math.max(3, ...[...code.matchAll(/`+/g)].map((run) => run[0].length + 1)));
  return [`${fence}${language}`, ...code.split("\n"), fence].map((line, i) => (i === 0 || line === "" ? line : indent + line)).join("\n");
}
