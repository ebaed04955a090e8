import fs from "node:fs";
import path from "node:path";
import matter from "gray-matter";
import yaml from "js-yaml";
import { closestMatch } from "../diagnostics/did-you-mean.ts";
import { AuthoringError, refuseIfAny } from "./authoring-error.ts";
import {
  AUTH_NAMES,
  AUTH_TYPES,
  DISPLAY_NAME,
  ELEMENT_KEY,
  EVENT_MODES,
  SLUG,
  isAuthType,
  isEventMode,
  slugify,
  type AuthType,
  type EventMode,
} from "./names.ts";
import { ELEMENTS_DIR, hubOf, readElementPages, readHubs, type ExistingPage } from "./site-facts.ts";
import { fillPlaceholders, templatesDir } from "./templates.ts";
import { writeFolderAtomically, type PlannedFile } from "./write-files.ts";

/** What a writer asks for, as typed on the command line or at the prompt: every value is still a string. */
export interface NewElementRequest {
  name?: string;
  key?: string;
  id?: string;
  hub?: string;
  auth?: string;
  /** Defaults to the slug of `name`. */
  folder?: string;
  /** Defaults to `polling`. */
  events?: string;
}

export interface ElementPlan {
  /** `docs/elements/autotask-help-desk`, relative to the source tree. */
  dir: string;
  files: PlannedFile[];
}

/** The facts new-element checks a request against, read once from the source tree. */
export class SiteFacts {
  readonly hubs: Map<string, string>;
  readonly pages: ExistingPage[];

  constructor(readonly sourceDir: string) {
    this.hubs = readHubs(sourceDir);
    this.pages = readElementPages(sourceDir);
  }

  /** The first page whose front matter has `key` equal to `value` (keys compared without regard to case). */
  ownerOf(key: "elementId" | "elementKey", value: string): ExistingPage | undefined {
    const wanted = value.toLowerCase();
    return this.pages.find((p) => p.data[key] !== undefined && String(p.data[key]).toLowerCase() === wanted);
  }
}

// One checker per field, each returning the refusal for a bad value. The prompt uses them one by one;
// planElement runs all of them so a writer sees every problem at once.

export function checkName(name: string | undefined): string | undefined {
  if (!name) return `--name is required: the element's display name, such as "Autotask Help Desk"`;
  if (!DISPLAY_NAME.test(name)) {
    return `--name "${name}" must start with a letter or digit and leave out : # " { } [ ] < > | \` and backslashes`;
  }
  return undefined;
}

export function checkKey(key: string | undefined, facts: SiteFacts): string | undefined {
  if (!key) return `--key is required: the element key used in API requests, such as "autotaskhelpdesk"`;
  if (!ELEMENT_KEY.test(key)) {
    return `--key "${key}" must be lower-case letters and digits only, such as "autotaskhelpdesk"`;
  }
  const owner = facts.ownerOf("elementKey", key);
  if (owner) return `--key "${key}" is already the elementKey of ${describe(owner)}; choose another key`;
  return undefined;
}

export function checkId(id: string | undefined, facts: SiteFacts): string | undefined {
  if (!id) return `--id is required: the element's numeric ID, such as 123`;
  if (!/^[1-9][0-9]*$/.test(id)) return `--id "${id}" must be a positive whole number, such as 123`;
  const owner = facts.ownerOf("elementId", id);
  if (owner) return `--id ${id} is already the elementId of ${describe(owner)}; choose another ID`;
  return undefined;
}

export function checkHub(hub: string | undefined, facts: SiteFacts): string | undefined {
  const known = [...facts.hubs.keys()];
  if (!hub) return `--hub is required: one of ${known.join(", ")}`;
  if (known.length === 0) return `_data/hubs.yml lists no hubs, so --hub "${hub}" cannot be checked; add the hub there first`;
  if (facts.hubs.has(hub)) return undefined;
  const guess = closestMatch(hub, known);
  return `--hub "${hub}" is not a hub in _data/hubs.yml${guess ? ` (did you mean "${guess}"?)` : ""}; use one of ${known.join(", ")}`;
}

export function checkAuth(auth: string | undefined): string | undefined {
  if (!auth) return `--auth is required: ${AUTH_TYPES.join(", ")}`;
  if (!isAuthType(auth)) return `--auth "${auth}" is not supported; use ${AUTH_TYPES.join(", ")}`;
  return undefined;
}

export function checkEvents(events: string | undefined): string | undefined {
  if (events === undefined || isEventMode(events)) return undefined;
  return `--events "${events}" is not supported; use ${EVENT_MODES.join(" or ")}`;
}

export function checkFolder(folder: string | undefined, facts: SiteFacts, fromName: boolean): string | undefined {
  if (!folder) return fromName ? `the name gives no usable folder name; pass --folder, such as "my-element"` : undefined;
  if (!SLUG.test(folder)) {
    return `--folder "${folder}" must be lower-case words joined by hyphens, such as "autotask-help-desk"`;
  }
  const dir = `${ELEMENTS_DIR}/${folder}`;
  if (fs.existsSync(path.join(facts.sourceDir, dir))) {
    const how = fromName ? "pass --folder with another name" : "choose another --folder";
    return `${dir}/ already exists; ${how}, or add a page to it with npm run new-page -- --element ${folder}`;
  }
  return undefined;
}

/** The folder a request will create: `--folder`, or the slug of the name. */
export function folderFor(request: NewElementRequest): string | undefined {
  if (request.folder) return request.folder;
  return request.name ? slugify(request.name) || undefined : undefined;
}

/**
 * Checks a request and renders every page of the new element in memory. Throws an AuthoringError listing all
 * problems; nothing is written either way.
 */
export function planElement(request: NewElementRequest, facts: SiteFacts): ElementPlan {
  const folder = folderFor(request);
  const problems = [
    checkName(request.name),
    checkKey(request.key, facts),
    checkId(request.id, facts),
    checkHub(request.hub, facts),
    checkAuth(request.auth),
    checkEvents(request.events),
    request.name || request.folder ? checkFolder(folder, facts, !request.folder) : undefined,
  ].filter((p): p is string => p !== undefined);
  refuseIfAny(problems);

  const name = request.name!;
  const key = request.key!;
  const id = request.id!;
  const hub = request.hub!;
  const auth = request.auth as AuthType;
  const events = (request.events ?? "polling") as EventMode;
  const dir = `${ELEMENTS_DIR}/${folder!}`;

  const templateRoot = path.join(templatesDir(facts.sourceDir), "element");
  const defaults = readDefaults(templateRoot);
  const values: Record<string, string> = {
    name,
    key,
    id,
    hub,
    hubName: facts.hubs.get(hub) ?? hub,
    auth,
    authName: AUTH_NAMES[auth],
    events,
    eventObjectsKey: events === "webhooks" ? "webhookObjects" : "pollObjects",
    sampleObject: defaults.sampleObjects[hub] ?? defaults.sampleObjects.default ?? "records",
  };
  const authFieldsFile = path.join(templateRoot, "auth-fields", `${auth}.yml`);
  values.authFields = fs.existsSync(authFieldsFile)
    ? fillPlaceholders(fs.readFileSync(authFieldsFile, "utf8"), values, relative(facts, authFieldsFile)).trimEnd()
    : "";

  const templateFiles = fs.existsSync(templateRoot)
    ? fs.readdirSync(templateRoot).filter((f) => f.endsWith(".md")).sort()
    : [];
  if (!templateFiles.includes("index.md")) {
    throw new AuthoringError([`${relative(facts, templateRoot)}/index.md is missing; every element needs an Overview page`]);
  }
  const files: PlannedFile[] = [];
  const templateProblems: string[] = [];
  for (const file of templateFiles) {
    const templatePath = path.join(templateRoot, file);
    const templateName = relative(facts, templatePath);
    try {
      const content = fillPlaceholders(fs.readFileSync(templatePath, "utf8"), values, templateName);
      verifyFrontMatter(content, templateName, { heading: name, elementKey: key, elementId: id, hub });
      files.push({ name: file, content });
    } catch (error) {
      templateProblems.push((error as Error).message);
    }
  }
  refuseIfAny(templateProblems);
  return { dir, files };
}

export function writeElement(plan: ElementPlan, sourceDir: string): void {
  writeFolderAtomically(path.join(sourceDir, plan.dir), plan.files);
}

interface TemplateDefaults {
  sampleObjects: Record<string, string>;
}

function readDefaults(templateRoot: string): TemplateDefaults {
  const file = path.join(templateRoot, "defaults.yml");
  const data = fs.existsSync(file) ? (yaml.load(fs.readFileSync(file, "utf8")) as Partial<TemplateDefaults> | null) : null;
  return { sampleObjects: { ...(data?.sampleObjects ?? {}) } };
}

/** A filled-in template must still say what was asked for; otherwise the template is broken, not the request. */
function verifyFrontMatter(content: string, templateName: string, expected: Record<string, string>): void {
  let data: Record<string, unknown>;
  try {
    data = matter(content, {}).data as Record<string, unknown>;
  } catch (error) {
    const reason = (error as { reason?: string }).reason ?? (error as Error).message.split("\n")[0];
    throw new Error(`${templateName} does not give valid front matter once filled in: ${reason}`);
  }
  for (const [key, value] of Object.entries(expected)) {
    const actual = key === "hub" ? hubOf(data) : data[key] === undefined ? undefined : String(data[key]);
    if (actual !== value) {
      throw new Error(`${templateName} gives ${key}: ${actual ?? "(nothing)"} instead of ${value}; fix the template's front matter`);
    }
  }
  if (typeof data.order !== "number") throw new Error(`${templateName} has no numeric order in its front matter`);
}

function describe(page: ExistingPage): string {
  const heading = typeof page.data.heading === "string" ? `${page.data.heading}, ` : "";
  return `${heading}${page.file}`;
}

function relative(facts: SiteFacts, file: string): string {
  return path.relative(facts.sourceDir, file).split(path.sep).join("/") || ".";
}
