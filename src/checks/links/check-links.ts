import path from "node:path";
import type { Diagnostic } from "../../diagnostics/diagnostic.ts";
import { closestMatch } from "../../diagnostics/did-you-mean.ts";
import type { SourcePosition } from "../../render/inspect/markdown-locator.ts";
import type { PageFacts } from "../../render/inspect/page-facts.ts";
import { resolveLink, type ResolvedLink, type SiteAddress } from "./resolve-link.ts";
import type { SiteFiles } from "./site-files.ts";

export interface CheckedPage {
  file: string;
  url: string;
  outputPath: string;
  facts?: PageFacts;
  /** The page's `breadcrumbs`: the layout's back link to it is checked by the front matter schema instead. */
  breadcrumbs?: string;
}

export interface LinkCheckInput {
  pages: readonly CheckedPage[];
  files: SiteFiles;
  site: SiteAddress;
}

/**
 * Every internal href/src of every written page must reach a written file, and every `#fragment` an id on the
 * page it names. External links are not fetched. Each problem is reported where the writer wrote the link;
 * links that the layout made are reported once per site, not once per page.
 */
export function checkLinks(input: LinkCheckInput): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  const idsByOutput = new Map<string, PageFacts>();
  for (const page of input.pages) if (page.facts) idsByOutput.set(page.outputPath, page.facts);
  const idSets = new Map<string, Set<string>>();
  const idsOf = (outputPath: string): Set<string> | undefined => {
    let ids = idSets.get(outputPath);
    if (!ids) {
      const facts = idsByOutput.get(outputPath);
      if (!facts) return undefined;
      ids = new Set(facts.ids);
      idSets.set(outputPath, ids);
    }
    return ids;
  };
  const layoutProblems = new Map<string, { diagnostic: Diagnostic; pages: number }>();
  const resolve = cachedResolver(input.site, input.files);

  // One page's problem at one spot, written two ways (a redirect's link and its canonical URL), is said once. (An
  // include's, met on several pages, is each page's: the report joins them with their chains.)
  const reportedAt = new Set<string>();
  const report = (page: CheckedPage, value: string, origin: SourcePosition | undefined, problem: Problem) => {
    if (origin) {
      const key = `${page.file}\u0000${origin.file}\u0000${origin.line}\u0000${origin.column}\u0000${problem.code}\u0000${problem.message.replace(/"[^"]*"/, "")}`;
      if (reportedAt.has(key)) return;
      reportedAt.add(key);
      diagnostics.push({ ...origin, severity: severityOf(problem), ...problem });
      return;
    }
    // A layout link is the same on many pages: say it once, with how many pages have it.
    const key = `${problem.code}\u0000${value}\u0000${problem.message}`;
    const seen = layoutProblems.get(key);
    if (seen) seen.pages++;
    else {
      const message = `${problem.message} (a link made by the layout)`;
      const diagnostic: Diagnostic = { file: page.file, severity: severityOf(problem), ...problem, message };
      layoutProblems.set(key, { diagnostic, pages: 1 });
    }
  };

  for (const page of input.pages) {
    const facts = page.facts;
    if (!facts) continue;
    const backLink = page.breadcrumbs === undefined ? undefined : input.site.baseurl + page.breadcrumbs;
    // By index, not through pageLinks(): this loop sees every URL of the site.
    for (let i = 0; i < facts.urls.length; i++) {
      const origin = facts.origins[i];
      const value = facts.urls[i];
      if (!origin && value === backLink) continue;
      const kind = facts.kinds[i];
      if (kind === "s") {
        for (const url of srcsetUrls(value)) {
          const problem = problemOf(url, true, page, input, resolve(url, page.url), idsOf);
          if (problem) report(page, url, origin, problem);
        }
        continue;
      }
      const problem = problemOf(value, kind === "i", page, input, resolve(value, page.url), idsOf);
      if (problem) report(page, value, origin, problem);
    }
  }
  for (const { diagnostic, pages } of layoutProblems.values()) {
    if (pages > 1) diagnostic.message += `; ${pages - 1} more ${pages === 2 ? "page has" : "pages have"} it too`;
    diagnostics.push(diagnostic);
  }
  return diagnostics;
}

/** A resolved URL and, for an internal one, the written file it reaches (null: none). */
interface Resolution {
  link: ResolvedLink;
  target: string | null | undefined;
}

/**
 * Most URLs repeat: the layout's on every page, an element's sibling links on each of its pages. A root-relative
 * URL resolves the same from every page, a relative one the same from every page of a folder.
 */
function cachedResolver(site: SiteAddress, files: SiteFiles): (value: string, pageUrl: string) => Resolution {
  const byScope = new Map<string, Map<string, Resolution>>();
  return (value, pageUrl) => {
    const fromAnywhere = value.charCodeAt(0) === 47 /* / */ && value.charCodeAt(1) !== 47;
    const fromPage = value === "" || value[0] === "#" || value[0] === "?";
    const scope = fromAnywhere ? "" : fromPage ? pageUrl : pageUrl.slice(0, pageUrl.lastIndexOf("/") + 1);
    let cache = byScope.get(scope);
    if (!cache) byScope.set(scope, (cache = new Map()));
    let resolution = cache.get(value);
    if (!resolution) {
      const link = resolveLink(value, pageUrl, site);
      const target = link.kind !== "internal" || link.samePage ? undefined : (files.find(link.path) ?? null);
      resolution = { link, target };
      cache.set(value, resolution);
    }
    return resolution;
  };
}

type Problem = Pick<Diagnostic, "code" | "message" | "hint"> & { severity?: Diagnostic["severity"] };

const MISSING_IMAGE_HINT =
  "Put the image under docs/ (files there are copied to the site) or fix the path; relative paths start from the page's folder.";
const BROKEN_LINK_HINT =
  "Pages are served at their source path with .html: docs/a/b.md is /docs/a/b.html; relative links start from the page's folder.";

function problemOf(
  value: string,
  image: boolean,
  page: CheckedPage,
  input: LinkCheckInput,
  resolution: Resolution,
  idsOf: (outputPath: string) => Set<string> | undefined,
): Problem | undefined {
  const resolved = resolution.link;
  switch (resolved.kind) {
    case "external":
      return undefined;
    case "malformed":
      return {
        code: "link-malformed",
        message: `Malformed URL "${value}": ${resolved.reason}`,
        hint: "Check the URL for spaces, typos in the scheme (https://) and stray characters.",
      };
    case "outside-base":
      return {
        code: image ? "image-missing" : "link-broken",
        message: `"${value}" points outside the site, which is served under ${input.site.baseurl}/`,
        hint: `Write {{ "${value}" | relative_url }} so the base path is added, or use a relative link.`,
      };
  }

  const target = resolved.samePage ? page.outputPath : resolution.target;
  if (!target) {
    return image
      ? {
          code: "image-missing",
          message: `Missing image "${value}": no file /${resolved.path} in the site`,
          hint: missingHint(resolved.path, input.files, MISSING_IMAGE_HINT),
        }
      : {
          code: "link-broken",
          message: `Broken link "${value}": no page or file /${resolved.path} in the site`,
          hint: missingHint(resolved.path, input.files, BROKEN_LINK_HINT),
        };
  }

  const fragment = resolved.fragment;
  // `#` and `#top` scroll to the top of any page (HTML's "indicated part of the document").
  if (!fragment || fragment.toLowerCase() === "top") return undefined;
  const ids = idsOf(target);
  if (!ids || ids.has(fragment)) return undefined; // not a page we rendered (a download, a redirect): nothing to check
  const suggestion = closestMatch(fragment, [...ids]);
  if (API_REFERENCE_PAGE.test(target)) {
    // The reference's ids are its operations and schemas: a missing one is an operation the API does not have.
    return {
      code: "link-anchor",
      severity: "error",
      message: `Broken anchor "${value}": the API reference page /${target} has no operation or schema "${fragment}"`,
      hint: suggestion
        ? `Did you mean #${suggestion}?`
        : "An operation's id is its operationId in lower case (listContacts is #listcontacts), or its method and path (#get-contacts-id).",
    };
  }
  return {
    code: "link-anchor",
    message: `Broken anchor "${value}": /${target} has no id "${fragment}"`,
    hint: suggestion
      ? `Did you mean #${suggestion}?`
      : "Heading ids follow GitHub's rule: lowercase, spaces become hyphens, punctuation is dropped, repeats get -1, -2.",
  };
}

/** The pages of an element's API reference (src/reference/reference-urls.ts): `api-reference.html`, `api-reference/<tag>.html`. */
const API_REFERENCE_PAGE = /^docs\/elements\/[^/]+\/(?:[a-z]{2,3}(?:-[a-z0-9]+)?\/)?api-reference(?:\/[^/]+)?\.html$/i;

/**
 * A link to a missing page is an error; a missing #fragment still lands the reader on the right page, so
 * it is a warning (failing the build only with --strict), as Docusaurus does by default. The shared
 * jekyll-compat fixture has one such anchor, and must still build. An anchor into the API reference names an
 * operation or a schema, so a missing one is an error (issue 13).
 */
function severityOf(problem: Problem): Diagnostic["severity"] {
  return problem.severity ?? (problem.code === "link-anchor" ? "warning" : "error");
}

function missingHint(sitePath: string, files: SiteFiles, otherwise: string): string {
  const folder = path.posix.dirname(sitePath);
  const name = path.posix.basename(sitePath);
  const siblings = files.siblings(folder === "." ? "" : folder);
  if (name.endsWith(".md") && siblings.includes(name.replace(/\.md$/, ".html"))) {
    return `Pages are served as .html: link to ${name.replace(/\.md$/, ".html")}.`;
  }
  const suggestion = closestMatch(name, siblings);
  return suggestion ? `Did you mean ${suggestion}?` : otherwise;
}

/** The image URLs of a `srcset`: each comma-separated candidate's first word. */
function srcsetUrls(srcset: string): string[] {
  return srcset
    .split(",")
    .map((candidate) => candidate.trim().split(/\s+/)[0])
    .filter(Boolean);
}
