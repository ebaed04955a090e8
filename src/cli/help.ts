// `--help` for each command: what it does and what each option means, on stdout with exit status 0, before any
// option is checked (a writer asking how to call `build` should not be told their `--out` is wrong first).

/** A command's help: its usage line, a sentence on what it does, and its options with what each does. */
export interface CommandHelp {
  usage: string;
  does: string;
  options: ReadonlyArray<readonly [option: string, meaning: string]>;
}

/** `--help` or `-h` among the arguments (up to a `--`, after which nothing is an option). */
export function askedForHelp(argv: readonly string[]): boolean {
  const end = argv.indexOf("--");
  return (end === -1 ? argv : argv.slice(0, end)).some((arg) => arg === "--help" || arg === "-h");
}

/** The help as printed: usage, what the command does, then the options in a column. */
export function helpText({ usage, does, options }: CommandHelp): string {
  const width = Math.max(...options.map(([option]) => option.length), "-h, --help".length) + 2;
  const rows = [...options, ["-h, --help", "print this help"] as const].map(([option, meaning]) => `  ${option.padEnd(width)}${meaning}`);
  return `${usage}\n\n${does}\n\nOptions:\n${rows.join("\n")}\n`;
}

/** Prints the help when it was asked for; true then, and the command should exit 0 without doing anything else. */
export function printHelpIfAsked(argv: readonly string[], help: CommandHelp): boolean {
  if (!askedForHelp(argv)) return false;
  process.stdout.write(helpText(help));
  return true;
}
