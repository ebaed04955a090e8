// `npm run new-page -- --element autotask-crm --title "Webhooks" [--slug webhooks]` adds one page to an element,
// after its last page in the sidebar, with the element-wide front matter copied from the element's index.md.
import path from "node:path";
import { parseArgs } from "node:util";
import { npmHint } from "./cli-errors.ts";
import { AuthoringError } from "../authoring/authoring-error.ts";
import { slugify } from "../authoring/names.ts";
import { checkElementFolder, checkSlug, checkTitle, planPage, writePage, type NewPageRequest } from "../authoring/new-page.ts";
import { PromptCancelled, askMissing, withTerminalPrompt, type Question } from "../authoring/prompt.ts";
import { answerBeforeOptions, type CommandHelp } from "./help.ts";

const USAGE = `Usage: npm run new-page -- --element <folder under docs/elements/> --title "Webhooks" [--slug webhooks] [--source DIR]`;

const HELP: CommandHelp = {
  usage: USAGE,
  does: "Adds a page to an element guide, last in its sidebar, with the element's front matter. On a terminal, it asks for what is missing.",
  options: [
    ["--element FOLDER", "the element's folder under docs/elements/"],
    ["--title TEXT", "the page's title, as the sidebar shows it"],
    ["--slug NAME", "the page's file name without .md (default: made from the title)"],
    ["--source DIR", "the site's folder (default: the current folder)"],
  ],
};

async function main(): Promise<number> {
  const early = answerBeforeOptions(process.argv.slice(2), HELP);
  if (early !== undefined) return early;
  let values: Record<string, string | boolean | undefined>;
  try {
    ({ values } = parseArgs({
      args: process.argv.slice(2),
      options: {
        element: { type: "string" },
        title: { type: "string" },
        slug: { type: "string" },
        source: { type: "string" },
      },
      strict: true,
    }));
  } catch (error) {
    return fail([(error as Error).message.split("\n")[0], ...(npmHint(error) ? [npmHint(error).trim()] : []), USAGE]);
  }
  const sourceDir = path.resolve(typeof values.source === "string" ? values.source : ".");
  let request: NewPageRequest = { element: str(values.element), title: str(values.title), slug: str(values.slug) };

  if ((!request.element || !request.title) && process.stdin.isTTY && process.stdout.isTTY) {
    try {
      request = await prompt(request, sourceDir);
    } catch (error) {
      if (error instanceof PromptCancelled) return fail(["cancelled at the prompt"]);
      throw error;
    }
  }

  let plan;
  try {
    plan = planPage(request, sourceDir);
  } catch (error) {
    if (error instanceof AuthoringError) return fail(error.problems);
    throw error;
  }
  writePage(plan, sourceDir);
  process.stdout.write(
    `Created ${plan.file} (order ${plan.order}). Write its text, then preview with npm start and open /${plan.file.replace(/\.md$/, ".html")}.\n`,
  );
  return 0;
}

async function prompt(request: NewPageRequest, sourceDir: string): Promise<NewPageRequest> {
  const questions: Question[] = [
    { field: "element", label: "Element folder under docs/elements/", check: (v) => checkElementFolder(v, sourceDir) },
    { field: "title", label: "Page title", check: (v) => checkTitle(v) },
    {
      field: "slug",
      label: "File name without .md",
      suggest: (a) => (a.title ? slugify(a.title) : undefined),
      check: (v, a) => checkSlug(v, a.element, sourceDir, false) ?? (v ? undefined : "a file name is required"),
    },
  ];
  return withTerminalPrompt((ask, say) => askMissing(questions, { ...request }, ask, say));
}

function str(value: string | boolean | undefined): string | undefined {
  return typeof value === "string" ? value.trim() : undefined;
}

function fail(problems: string[]): number {
  for (const problem of problems) process.stderr.write(`new-page: ${problem}\n`);
  process.stderr.write("new-page: nothing was written.\n");
  return 1;
}

process.exitCode = await main();
