/**
 * Every diagnostic code the generator reports, with its usual level and what it means. `_config.yml` may set the
 * level of any of them (src/diagnostics/severity.ts), so this is the list a setting is checked against; a unit test
 * (test/unit/diagnostics/codes.test.ts) fails when code in src/ reports a code that is missing here.
 *
 * `severity` is the level a check gives the problem when `_config.yml` says nothing; a few checks choose by
 * context (`config-missing` follows the problems it folds), and their entry gives the usual one.
 */
export const DIAGNOSTIC_CODES = {
  // Site settings and data
  "config-value": { severity: "error", description: "A _config.yml value has the wrong form (url:, baseurl:)." },
  "config-ignored": { severity: "warning", description: "A _config.yml setting Element Guides does not apply: a kramdown: option (header_offset, footnote_nr…), collections_dir:, or site.<label> for a collection named as a site value." },
  "config-missing": { severity: "error", description: "There is no _config.yml, but pages use site values it would define." },
  "config-severity": { severity: "error", description: "element_guides.severity in _config.yml names an unknown code or level." },
  "yaml-syntax": { severity: "error", description: "_config.yml or a _data/ YAML file is not valid YAML." },
  "csv-syntax": { severity: "error", description: "A _data/ CSV or TSV file cannot be read as rows under a header row." },
  "json-syntax": { severity: "error", description: "A _data/ or folder data JSON file is not valid JSON." },
  "label-unknown": { severity: "warning", description: "_data/i18n/<lang>.yml gives a label no layout shows (often a misspelled key)." },
  "label-type": { severity: "warning", description: "_data/i18n/<lang>.yml gives a label in the wrong form (a list for a word, a word for the months): it stays English." },
  "baseline-file": { severity: "error", description: "The baseline file (.element-guides-baseline.json) cannot be read." },
  // Files of the tree
  "text-encoding": { severity: "error", description: "A file is not saved as UTF-8." },
  "file-unreadable": { severity: "error", description: "A file of the tree cannot be read (its permissions, a path too long, a name that is not UTF-8); it is left out." },
  "preview-read-failed": { severity: "error", description: "The live preview's tree changed while it was read (a save through a temporary file, a checkout); it is read again a moment later." },
  "folder-unreadable": { severity: "error", description: "A folder of the tree cannot be read (its permissions, a path too long); its files are left out." },
  "symlink-loop": { severity: "error", description: "A symlink leads back to itself or to a folder above it." },
  "symlink-broken": { severity: "error", description: "A symlink points at nothing." },
  "symlink-outside-tree": { severity: "error", description: "A symlink leads out of the source tree; its target is not published." },
  "git-dates": { severity: "warning", description: 'git cannot read the history, so no page shows "Last updated".' },
  // What Jekyll would publish
  "post-date": { severity: "error", description: "A post's file name or date: is not a valid date." },
  "post-name": { severity: "warning", description: "A file in _posts/ whose name does not start with a date is not published." },
  "post-in-future": { severity: "warning", description: "A post dated after today is not published, as in Jekyll." },
  "pagination-without-index": { severity: "warning", description: "paginate: is set, but no index.html lists the posts." },
  "sass-error": { severity: "error", description: "A Sass file with front matter does not compile to CSS; it is not written." },
  // Front matter
  "front-matter-yaml": { severity: "error", description: "A page's front matter is not valid YAML; the page is not written." },
  "front-matter-required": { severity: "error", description: "A key every page of its kind needs is missing." },
  "front-matter-type": { severity: "error", description: "A front matter value has the wrong form." },
  "front-matter-hub": { severity: "error", description: "The hub is not one of _data/hubs.yml." },
  "front-matter-breadcrumbs": { severity: "error", description: "breadcrumbs: points at a page that does not exist." },
  "front-matter-permalink": { severity: "warning", description: "A permalink ends in an extension other than the page's, so the page is not found at its URL." },
  "permalink-unusable": { severity: "error", description: "A permalink or redirect_from URL cannot be a file and an address of the site; it is not written." },
  "file-name-unusable": { severity: "error", description: "A page's file name (or folder) holds % \" < > or a backslash, so its address, made of its path, cannot be linked; it is not written." },
  "front-matter-unknown-key": { severity: "warning", description: "No layout, include or page reads this front matter key." },
  "page-without-front-matter": { severity: "warning", description: "A Markdown file has no front matter and no page includes it." },
  // Liquid and layouts
  "liquid-undefined-variable": { severity: "error", description: "A variable has no value (often a misspelled front matter key)." },
  "liquid-unknown-filter": { severity: "error", description: "A filter that does not exist." },
  "liquid-unknown-tag": { severity: "error", description: "A tag that does not exist, or a block tag left open." },
  "liquid-ruby-tag": { severity: "warning", description: "A tag only one of the tree's _plugins/*.rb defines: Ruby plugins do not run, so it writes nothing (a block tag, the text between its tags) until it is ported." },
  "liquid-include": { severity: "error", description: "An include names a file that does not exist or lies outside _includes/." },
  "liquid-syntax": { severity: "error", description: "Liquid that cannot be read, such as an unclosed {{ or {%." },
  "liquid-error": { severity: "error", description: "Any other Liquid failure; the message says which." },
  "plugin-error": { severity: "error", description: "A _plugins/*.mjs file does not load, or its function throws." },
  "unknown-layout": { severity: "error", description: "layout: names a layout the site does not have." },
  "redirect-loop": { severity: "error", description: "A page's redirect_to: is its own address, or leads round back to it: a browser would go round for ever." },
  "legacy-swagger-page": { severity: "warning", description: "API-docs pages only load the old Swagger UI; they show a notice instead (one report for all)." },
  "internal-error": { severity: "error", description: "Element Guides itself failed on a page (a bug to report)." },
  "generator-install": { severity: "error", description: "A file of Element Guides' own install (in node_modules) is missing; the page is not written." },
  // Markdown content
  "json-example": { severity: "error", description: "A JSON example is not valid JSON." },
  "html-swallowed-tag": { severity: "warning", description: "Text such as <user secret> would be read as an HTML tag and vanish." },
  "content-blocked": { severity: "warning", description: "The page's HTML holds what the site's Content-Security-Policy refuses (a script, a javascript: link, a <style> element, an onclick, an <object>, media over http): the browser ignores it." },
  "code-unknown-language": { severity: "warning", description: "A code block names a language the highlighter does not know." },
  "heading-id-duplicate": { severity: "warning", description: "Two headings of a page have one id ({#setup} given twice, or given where another heading's id is made): links reach only the first." },
  "kramdown-extension-unclosed": { severity: "warning", description: "A kramdown {::comment} or {::nomarkdown} is never closed and is shown as text." },
  "kramdown-options-ignored": { severity: "warning", description: "A page sets kramdown options with {::options /}, which are not applied: only _config.yml's kramdown: settings are." },
  // API reference (OpenAPI documents of elements)
  "openapi-syntax": { severity: "error", description: "An element's OpenAPI document is not valid YAML or JSON." },
  "openapi-invalid": { severity: "error", description: "An OpenAPI document breaks the OpenAPI (or Swagger 2.0) specification." },
  "openapi-duplicate-id": { severity: "warning", description: "Two operations of an OpenAPI document get one heading id (listThings and ListThings); the later one is renumbered." },
  "openapi-ref": { severity: "error", description: "A $ref in an OpenAPI document points at nothing, or outside its file." },
  "openapi-location": { severity: "error", description: "openapi: in front matter is a URL, or names a file that is not there." },
  "operation-unknown": { severity: "error", description: "An {% operation %} tag or a marked JSON example names an operation the element's API does not have." },
  "example-response": { severity: "error", description: "A marked JSON example names a status (or request) the operation does not describe as JSON." },
  "example-schema": { severity: "error", description: "A marked JSON example does not fit the schema of the response (or request) it shows." },
  // Links
  "link-broken": { severity: "error", description: "A link points at a page or file the site does not have." },
  "image-missing": { severity: "error", description: "An image points at a file the site does not have." },
  "link-anchor": { severity: "warning", description: "A link's #anchor matches no id on the target page." },
  "link-malformed": { severity: "error", description: "A link is not a valid address." },
  // Elements and the catalog
  "element-mismatch": { severity: "error", description: "Pages of one element disagree on its heading, id, key or hub." },
  "element-duplicate-order": { severity: "error", description: "Two pages of one element have the same order." },
  "element-missing-index": { severity: "warning", description: "An element folder has no index.md." },
  "element-duplicate-identity": { severity: "error", description: "Two element folders use the same elementKey or elementId." },
  "catalog-unknown-element": { severity: "error", description: "The catalog links to an element folder that does not exist." },
  "catalog-missing-element": { severity: "warning", description: "An element folder is missing from the catalog." },
  // The written site
  "output-collision": { severity: "error", description: "Two source files would be written to one address." },
  "redirect-conflict": { severity: "error", description: "A redirect_from address is also a page, a file or another redirect." },
} as const satisfies Record<string, { severity: "error" | "warning"; description: string }>;

export type DiagnosticCode = keyof typeof DIAGNOSTIC_CODES;

export const KNOWN_CODES: readonly DiagnosticCode[] = Object.keys(DIAGNOSTIC_CODES) as DiagnosticCode[];

export function isKnownCode(code: string): code is DiagnosticCode {
  return Object.hasOwn(DIAGNOSTIC_CODES, code);
}
