// `npm run new-element -- --name "Autotask Help Desk" --key autotaskhelpdesk --id 123 --hub helpdesk --auth basic`
// creates docs/elements/<folder>/ with the six pages of an element guide, from templates/element/.
// Without the flags, on a terminal, it asks for each missing value instead.
import path from "node:path";
import { parseArgs } from "node:util";
import { npmHint } from "./cli-errors.ts";
import { AuthoringError } from "../authoring/authoring-error.ts";
import { AUTH_TYPES, EVENT_MODES, slugify } from "../authoring/names.ts";
import {
  SiteFacts,
  checkAuth,
  checkEvents,
  checkFolder,
  checkHub,
  checkId,
  checkKey,
  checkName,
  planElement,
  writeElement,
  type NewElementRequest,
} from "../authoring/new-element.ts";
import { PromptCancelled, askMissing, withTerminalPrompt, type Question } from "../authoring/prompt.ts";
import { answerBeforeOptions, type CommandHelp } from "./help.ts";

const USAGE = `Usage: npm run new-element -- --name "Autotask Help Desk" --key autotaskhelpdesk --id 123 --hub helpdesk --auth basic|oauth2|apikey [--events polling|webhooks] [--folder autotask-helpdesk] [--source DIR]`;
const REQUIRED = ["name", "key", "id", "hub", "auth"] as const;
const HELP: CommandHelp = {
  usage: USAGE,
  does: "Makes docs/elements/<folder>/ with the pages of a new element guide. On a terminal, it asks for what is missing.",
  options: [
    ["--name TEXT", "the element's name, as readers see it"],
    ["--key KEY", "the element's key in the API (elementKey)"],
    ["--id N", "the element's id (elementId)"],
    ["--hub HUB", "the catalog group it belongs to, such as crm or helpdesk"],
    ["--auth TYPE", `how it authenticates: ${AUTH_TYPES.join(", ")}`],
    ["--events MODE", `how it sends events, if it does: ${EVENT_MODES.join(", ")}`],
    ["--folder NAME", "the folder under docs/elements/ (default: made from the name)"],
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
        name: { type: "string" },
        key: { type: "string" },
        id: { type: "string" },
        hub: { type: "string" },
        auth: { type: "string" },
        events: { type: "string" },
        folder: { type: "string" },
        source: { type: "string" },
      },
      strict: true,
    }));
  } catch (error) {
    return fail([(error as Error).message.split("\n")[0], ...(npmHint(error) ? [npmHint(error).trim()] : []), USAGE]);
  }
  const sourceDir = path.resolve(typeof values.source === "string" ? values.source : ".");
  const facts = new SiteFacts(sourceDir);
  let request: NewElementRequest = {
    name: str(values.name),
    key: str(values.key),
    id: str(values.id),
    hub: str(values.hub),
    auth: str(values.auth),
    events: str(values.events),
    folder: str(values.folder),
  };

  const missing = REQUIRED.filter((field) => !request[field]);
  if (missing.length > 0 && process.stdin.isTTY && process.stdout.isTTY) {
    try {
      request = await prompt(request, facts);
    } catch (error) {
      if (error instanceof PromptCancelled) return fail(["cancelled at the prompt"]);
      throw error;
    }
  }

  let plan;
  try {
    plan = planElement(request, facts);
  } catch (error) {
    if (error instanceof AuthoringError) return fail(error.problems);
    throw error;
  }
  writeElement(plan, sourceDir);
  process.stdout.write(
    `Created ${plan.dir}/ with ${plan.files.length} pages: ${plan.files.map((f) => f.name).join(", ")}.\n` +
      `Next: replace the general text with ${request.name}'s own facts in the front matter of each page ` +
      `(the writer's guide lists the keys), then preview with npm start and open /${plan.dir}/index.html.\n`,
  );
  return 0;
}

async function prompt(request: NewElementRequest, facts: SiteFacts): Promise<NewElementRequest> {
  const hubs = [...facts.hubs.keys()].join(", ");
  const questions: Question[] = [
    { field: "name", label: "Element name, as readers see it", check: (v) => checkName(v) },
    {
      field: "key",
      label: "Element key",
      suggest: (a) => (a.name ? slugify(a.name).replace(/-/g, "") : undefined),
      check: (v) => checkKey(v, facts),
    },
    { field: "id", label: "Element ID (a number)", check: (v) => checkId(v, facts) },
    { field: "hub", label: `Hub (${hubs})`, check: (v) => checkHub(v, facts) },
    { field: "auth", label: `Authentication (${AUTH_TYPES.join(", ")})`, check: (v) => checkAuth(v) },
    { field: "events", label: `Events (${EVENT_MODES.join(", ")})`, suggest: () => "polling", check: (v) => checkEvents(v) },
    {
      field: "folder",
      label: "Folder under docs/elements/",
      suggest: (a) => (a.name ? slugify(a.name) : undefined),
      check: (v) => checkFolder(v, facts, false) ?? (v ? undefined : "a folder name is required"),
    },
  ];
  return (await withTerminalPrompt((ask, say) => askMissing(questions, { ...request }, ask, say))) as NewElementRequest;
}

function str(value: string | boolean | undefined): string | undefined {
  return typeof value === "string" ? value.trim() : undefined;
}

function fail(problems: string[]): number {
  for (const problem of problems) process.stderr.write(`new-element: ${problem}\n`);
  process.stderr.write("new-element: nothing was written.\n");
  return 1;
}

process.exitCode = await main();
