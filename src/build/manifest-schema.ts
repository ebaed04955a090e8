import path from "node:path";
// A namespace import, as everywhere: `import { z }` takes zod's namespace object as a value, and the bundle then
// keeps all of zod, its 64 locales included (744 KB to compile as every command starts, 0.15 s).
import * as z from "zod";
import type { PlannedLink } from "../agents/llms-plan.ts";

/** A relative path with `/` that stays inside its folder: no `..`, no empty or `.` part, not absolute. */
export function isPathInside(file: unknown): boolean {
  return typeof file === "string" && !path.isAbsolute(file) && file.split("/").every((part) => part !== "" && part !== "." && part !== "..");
}

const count = z.number().int().nonnegative();
const insidePath = z.string().refine(isPathInside);

const diagnostic = z.object({
  file: z.string(),
  line: z.number().int().optional(),
  column: z.number().int().optional(),
  severity: z.enum(["error", "warning"]),
  code: z.string(),
  message: z.string(),
  hint: z.string().optional(),
  chain: z.array(z.string()).optional(),
  chains: z.array(z.array(z.string())).optional(),
});

const shortfall = z.object({
  file: z.string(),
  outcome: z.enum(["not-written", "no-liquid", "our-layout", "parts-empty"]),
  code: z.string(),
  message: z.string(),
  layout: z.string().optional(),
  ourLayout: z.string().optional(),
  diagnostic,
});

const link: z.ZodType<PlannedLink> = z.object({
  file: z.string(),
  url: z.string(),
  lang: z.string().optional(),
  title: z.string().optional(),
  description: z.string().optional(),
  // Read from the merged site for llms-full.txt: never a file outside it.
  twin: insidePath.optional(),
  children: z.lazy(() => z.array(link)),
});

const siteShare = z.object({
  levels: z.array(z.tuple([z.string(), z.enum(["error", "warning", "off"])])),
  treeProblems: z.array(diagnostic),
  siteFileProblems: z.array(diagnostic),
  checks: z.object({
    frontMatter: z.array(z.union([diagnostic, z.object({ unknownKey: z.object({ file: z.string(), line: z.number().int().optional(), key: z.string() }) })])),
    elements: z.array(diagnostic),
    labelFiles: z.array(diagnostic),
  }),
  notes: z.array(z.string()),
  pagesTotal: count,
  unloaded: z.array(shortfall),
  sourcePages: count,
  paginatedFrom: count,
  siteFiles: z.array(z.string()),
  staticFiles: z.array(z.string()),
  pageFiles: z.array(z.string()),
  addresses: z.array(z.object({ url: z.string(), outputPath: insidePath })),
  elementFolders: z.array(z.string()),
  fragments: z.array(z.string()),
  address: z.object({ baseurl: z.string(), url: z.string() }),
  llms: z.object({
    plan: z.object({ ours: z.array(z.enum(["llms.txt", "llms-full.txt"])), sections: z.array(z.object({ name: z.string(), links: z.array(link) })) }),
    site: z.object({ title: z.string(), description: z.string(), url: z.string(), baseurl: z.string() }),
  }),
});

/** What a manifest holds besides its pages (checked apart, for their string references), as a shard writes it. */
export const manifestLists = z.object({
  identity: z.object({ generator: z.string(), commit: z.string().optional(), tree: z.string(), baseurl: z.string(), settings: z.string(), clock: z.string() }),
  diagnostics: z.array(diagnostic),
  shortfalls: z.array(shortfall),
  positions: z.array(z.tuple([z.string(), count])),
  twins: z.array(z.tuple([insidePath, count, count])),
  searchPages: count,
  searchFiles: z.array(z.tuple([insidePath, count])),
  searchBodyPages: count,
  site: siteShare.optional(),
});

/** Where a value fails `manifestLists`, as a path ("site.treeProblems.0.severity"), or undefined when it passes. */
export function listDamage(raw: unknown): string | undefined {
  const result = manifestLists.safeParse(raw);
  if (result.success) return undefined;
  return result.error.issues[0].path.join(".") || "its lists";
}
