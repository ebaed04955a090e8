// `--help` for each command: what it does and what each option means, on stdout with exit status 0, before any
// option is checked (a writer asking how to call `build` should not be told their `--out` is wrong first).
import { optionsNpmTook } from "./npm-took-options.ts";

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

/**
 * What a command answers before it reads its options: the help when asked for (exit status 0), or that npm kept
 * some of them for itself (2); undefined to go on.
 */
export function answerBeforeOptions(argv: readonly string[], help: CommandHelp): number | undefined {
  if (askedForHelp(argv)) {
    process.stdout.write(helpText(help));
    return 0;
  }
  const taken = optionsNpmTook(help);
  if (!taken.length) return undefined;
  const script = process.env.npm_lifecycle_event;
  const options = taken.map((name) => `--${name}`).join(" ");
  process.stderr.write(
    `npm kept ${options} for itself: the command ran without ${taken.length === 1 ? "it" : "them"}, so it stopped.\n` +
      `  hint: Put -- between the script and its options: npm ${script === "start" ? "start" : `run ${script}`} -- ${options} …\n`,
  );
  return 2;
}
