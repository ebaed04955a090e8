import fs from "node:fs";
import path from "node:path";
import matter from "gray-matter";
import yaml from "js-yaml";
import { closestMatch } from "../diagnostics/did-you-mean.ts";
import { AuthoringError, refuseIfAny } from "./authoring-error.ts";
import { DISPLAY_NAME, SLUG, slugify } from "./names.ts";
import { ELEMENTS_DIR, readElementPages, type ExistingPage } from "./site-facts.ts";
import { fillPlaceholders, templatesDir } from "./templates.ts";
import { writeNewFile } from "./write-files.ts";

/** Front matter every page of an element shares, copied from its index.md in this order. */
export const ELEMENT_WIDE_KEYS = ["heading", "elementId", "elementKey", "hub", "hdOrcrm", "layout", "breadcrumbs", "parent"];

export interface NewPageRequest {
  /** The element's folder under docs/elements/. */
  element?: string;
  title?: string;
  /** Defaults to the slug of the title. */
  slug?: string;
}

export interface PagePlan {
  /** `docs/elements/autotask-crm/webhooks.md`, relative to the source tree. */
  file: string;
  order: number;
  content: string;
}

/**
 * The sidebar position of a page added after the existing ones: five past the highest `order`, leaving room to
 * slot pages in between later, or the next unused number above that if another page already claims it.
 */
export function nextOrder(orders: readonly number[]): number {
  const taken = new Set(orders);
  let order = (orders.length > 0 ? Math.max(...orders) : 0) + 5;
  while (taken.has(order)) order += 1;
  return order;
}

export function checkElementFolder(element: string | undefined, sourceDir: string): string | undefined {
  const root = path.join(sourceDir, ELEMENTS_DIR);
  const folders = fs.existsSync(root)
    ? fs.readdirSync(root, { withFileTypes: true }).filter((e) => e.isDirectory() && !e.name.startsWith(".")).map((e) => e.name)
    : [];
  if (!element) return `--element is required: the element's folder under ${ELEMENTS_DIR}/, such as "${folders[0] ?? "autotask-crm"}"`;
  if (!folders.includes(element)) {
    const guess = closestMatch(element, folders);
    return `--element "${element}": ${ELEMENTS_DIR}/${element}/ does not exist${guess ? ` (did you mean "${guess}"?)` : ""}; create it with npm run new-element`;
  }
  if (!fs.existsSync(path.join(root, element, "index.md"))) {
    return `${ELEMENTS_DIR}/${element}/ has no index.md to copy the element's front matter from; add its Overview page first`;
  }
  return undefined;
}

export function checkTitle(title: string | undefined): string | undefined {
  if (!title) return `--title is required: the page's sidebar label, such as "Webhooks"`;
  if (!DISPLAY_NAME.test(title)) {
    return `--title "${title}" must start with a letter or digit and leave out : # " { } [ ] < > | \` and backslashes`;
  }
  return undefined;
}

export function checkSlug(slug: string | undefined, element: string | undefined, sourceDir: string, fromTitle: boolean): string | undefined {
  if (!slug) return fromTitle ? `the title gives no usable file name; pass --slug, such as "webhooks"` : undefined;
  if (!SLUG.test(slug)) return `--slug "${slug}" must be lower-case words joined by hyphens, such as "field-mapping"`;
  if (slug === "index") return `--slug "index" is the element's Overview page; choose another slug`;
  if (element) {
    const file = `${ELEMENTS_DIR}/${element}/${slug}.md`;
    if (fs.existsSync(path.join(sourceDir, file))) return `${file} already exists; choose another --slug`;
  }
  return undefined;
}

/** Checks a request and renders the page in memory; throws an AuthoringError listing every problem. */
export function planPage(request: NewPageRequest, sourceDir: string): PagePlan {
  const slug = request.slug || (request.title ? slugify(request.title) : undefined);
  const elementProblem = checkElementFolder(request.element, sourceDir);
  refuseIfAny(
    [
      elementProblem,
      checkTitle(request.title),
      request.title || request.slug ? checkSlug(slug, elementProblem ? undefined : request.element, sourceDir, !request.slug) : undefined,
    ].filter((p): p is string => p !== undefined),
  );

  const element = request.element!;
  const pages = readElementPages(sourceDir).filter((p) => p.folder === element);
  const index = pages.find((p) => p.file.endsWith("/index.md"));
  const shared = pickElementWide(index);
  const order = nextOrder(pages.map((p) => orderOf(p)).filter((o): o is number => o !== undefined));
  const templatePath = path.join(templatesDir(sourceDir), "page.md");
  const templateName = path.relative(sourceDir, templatePath).split(path.sep).join("/");
  const content = fillPlaceholders(
    fs.readFileSync(templatePath, "utf8"),
    {
      elementFrontMatter: yaml.dump(shared, { lineWidth: -1 }).trimEnd(),
      name: typeof shared.heading === "string" ? shared.heading : element,
      title: request.title!,
      order: String(order),
    },
    templateName,
  );
  try {
    matter(content, {});
  } catch (error) {
    const reason = (error as { reason?: string }).reason ?? (error as Error).message.split("\n")[0];
    throw new AuthoringError([`${templateName} does not give valid front matter once filled in: ${reason}`]);
  }
  return { file: `${ELEMENTS_DIR}/${element}/${slug!}.md`, order, content };
}

export function writePage(plan: PagePlan, sourceDir: string): void {
  writeNewFile(path.join(sourceDir, plan.file), plan.content);
}

function pickElementWide(index: ExistingPage | undefined): Record<string, unknown> {
  const picked: Record<string, unknown> = {};
  for (const key of ELEMENT_WIDE_KEYS) {
    if (index && index.data[key] !== undefined) picked[key] = index.data[key];
  }
  return picked;
}

function orderOf(page: ExistingPage): number | undefined {
  const order = page.data.order;
  if (typeof order === "number" && Number.isFinite(order)) return order;
  if (typeof order === "string" && /^\d+$/.test(order)) return Number(order);
  return undefined;
}
