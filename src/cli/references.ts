// `npm run references [-- --check]`: rewrites the writer's guide's two generated references, or with --check only
// says whether they are current (src/authoring/references.ts).
import { parseArgs } from "node:util";
import { writeReferences } from "../authoring/references.ts";
import { reportUsageError } from "./cli-errors.ts";
import { answerBeforeOptions } from "./help.ts";

const USAGE = "Usage: npm run references -- [--check]";

function main(argv: string[]): number {
  const help = {
    usage: USAGE,
    does: "Writes the writer's guide's two references made from the generator's sources: the front matter keys, and the keys each shared include reads.",
    options: [["--check", "write nothing; exit 1 if either reference is out of date (for CI)"]] as const,
  };
  const early = answerBeforeOptions(argv, help);
  if (early !== undefined) return early;
  let check: boolean;
  try {
    // A mistyped --check must not rewrite the references it was meant to check.
    check = parseArgs({ args: argv, options: { check: { type: "boolean" } }, strict: true }).values.check ?? false;
  } catch (error) {
    return reportUsageError(error, USAGE);
  }
  return writeReferences(check);
}

process.exitCode = main(process.argv.slice(2));
