import { UsageError } from "./build-options.ts";
import { SearchIndexError } from "../search/search-feed.ts";

/** Prints a command-line mistake as one line, its hint and the usage; returns exit status 2. */
export function reportUsageError(error: unknown, usage: string): number {
  const hint = error instanceof UsageError && error.hint ? `  hint: ${error.hint}\n` : "";
  process.stderr.write(`${(error as Error).message}\n${hint}${npmHint(error)}${usage}\n`);
  return 2;
}

/**
 * Through npm, a value left alone on the command line is most often what npm left of an option it read as its own
 * (`npm run check --format json` makes `--format` npm's `--format-package-lock`, and passes `json` on).
 */
export function npmHint(error: unknown): string {
  const script = process.env.npm_lifecycle_event;
  const positional = (error as { code?: string }).code === "ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL" || /^Unexpected argument/.test((error as Error).message);
  if (!script || !positional) return "";
  return `  hint: npm passes on only the options after --: npm ${script === "start" ? "start" : `run ${script}`} -- --option value\n`;
}

/**
 * Reports Pagefind's failure to start or to index the site (it runs from node_modules beside the build, and each
 * bundle of a big site's index starts it anew) with a hint and `failedLine`; returns exit status 1. Any other error
 * is thrown on.
 */
export function searchIndexFailed(error: unknown, failedLine: string): number {
  if (!(error instanceof SearchIndexError)) throw error;
  // Pagefind's Node API runs the binary this variable names instead of its own.
  const chosen = process.env.PAGEFIND_BINARY_PATH;
  const hint = chosen
    ? `PAGEFIND_BINARY_PATH is set (${chosen}): make it name a working Pagefind binary, or unset it to use the one in node_modules.`
    : error.silentFor !== undefined
      ? "build again once the machine is less busy; if Pagefind hangs again, run `npm ci` to install it afresh."
      : "Pagefind runs from node_modules/pagefind while the site builds: run `npm ci` if it is missing or was changed meanwhile, then build again.";
  process.stderr.write(`${error.message}\n  hint: ${hint}\n${failedLine}\n`);
  return 1;
}

const IO_REASONS: Record<string, string> = {
  EACCES: "permission denied",
  EPERM: "operation not permitted",
  ENOSPC: "no space left on the device",
  EROFS: "the file system is read-only",
  EDQUOT: "disk quota exceeded",
  EMFILE: "too many open files",
  EISDIR: "it is a folder, not a file",
  EEXIST: "a file or folder is already there",
  ENOTDIR: "a part of the path is not a folder",
  ENOENT: "no such file or folder",
  EBUSY: "the file or folder is in use",
  EFBIG: "the file is too big for the file system or its limits",
  ENAMETOOLONG: "a name in the path, or the whole path, is longer than the file system allows",
  ELOOP: "symbolic links in the path loop",
};

/**
 * A failure of the file system that the user can cause and fix (a folder without write permission, a full
 * disk), as one line naming the path and the reason; undefined for anything else. Eleventy wraps the original
 * error, so the chain of causes is searched.
 */
export function ioErrorLine(error: unknown, fallbackPath?: string, shown: (file: string) => string = (file) => file): string | undefined {
  for (let current = error, depth = 0; current && depth < 8; depth++) {
    const { code, path, dest, syscall } = current as NodeJS.ErrnoException & { dest?: string };
    if (typeof code === "string" && code in IO_REASONS) {
      const failed = dest ?? path;
      const target = failed === undefined ? fallbackPath : shown(failed);
      return `Cannot ${syscall ?? "access"} ${target ? JSON.stringify(target) : "a file"}: ${IO_REASONS[code]} (${code}).`;
    }
    const next = current as { cause?: unknown; originalError?: unknown };
    current = next.originalError ?? next.cause;
  }
  return undefined;
}

/**
 * Runs a command; a file-system failure the user can fix ends it with one line and status 1, not a stack trace.
 * `shown` gives the path to name for a file the command failed on (a file of the staging folder, gone once the
 * line is read, as the file of the site it was to become).
 */
export async function withIoErrorsReported(
  command: () => Promise<number>,
  { after = "", path, shown }: { after?: string; path?: string; shown?: (file: string) => string } = {},
): Promise<number> {
  try {
    return await command();
  } catch (error) {
    const line = ioErrorLine(error, path, shown);
    if (!line) throw error;
    process.stderr.write(`${line}\n${after}`);
    return 1;
  }
}
