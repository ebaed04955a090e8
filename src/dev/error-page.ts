// What the live preview shows instead of a stale page: the problems of a page that failed to build, or a small
// banner over a page that built with problems. Dev only: production builds never call this.
import fs from "node:fs";
import path from "node:path";
import type { Diagnostic } from "../diagnostics/diagnostic.ts";
import { escapeHtml } from "../text/escape-html.ts";

/** The attribute that marks the preview's error page. */
export const ERROR_PAGE_MARK = "data-element-guides-error";

function location(d: Diagnostic): string {
  return `${d.file}${d.line ? `:${d.line}` : ""}${d.line && d.column ? `:${d.column}` : ""}`;
}

/** A few lines of the source file around the diagnostic's line, the line itself marked; "" when unreadable. */
function excerpt(sourceDir: string, d: Diagnostic): string {
  if (!d.line) return "";
  let lines: string[];
  try {
    lines = fs.readFileSync(path.resolve(sourceDir, d.file), "utf8").split(/\r?\n/);
  } catch {
    return "";
  }
  const from = Math.max(1, d.line - 2);
  const to = Math.min(lines.length, d.line + 2);
  const rows: string[] = [];
  for (let n = from; n <= to; n++) {
    const mark = n === d.line ? ' class="here"' : "";
    rows.push(`<span${mark}><b>${String(n).padStart(4)}</b> ${escapeHtml(visible(lines[n - 1] ?? ""))}</span>`);
  }
  return `<pre class="src">${rows.join("\n")}</pre>`;
}

/** The longest excerpt line shown: a binary file or a minified one can be a single line of megabytes. */
const MAX_LINE = 300;

/**
 * A source line as it can be shown: control characters (a binary file saved as .md, an escape sequence pasted in)
 * as their visible symbols (␀, ␛), and a very long line cut.
 */
function visible(line: string): string {
  const cut = line.length > MAX_LINE ? `${line.slice(0, MAX_LINE)}…` : line;
  return cut.replace(/[\x00-\x08\x0b-\x1f\x7f]/g, (c) => (c === "\x7f" ? "\u2421" : String.fromCharCode(0x2400 + c.charCodeAt(0)))).replace(/[\x80-\x9f]/g, "\ufffd");
}

function diagnosticItem(d: Diagnostic, sourceDir: string): string {
  return [
    `<li class="${d.severity}">`,
    `<p class="where"><span class="sev">${d.severity}</span> <code>${escapeHtml(location(d))}</code> <small>${escapeHtml(d.code)}</small></p>`,
    `<p class="msg">${escapeHtml(d.message)}</p>`,
    d.hint ? `<p class="hint">Hint: ${escapeHtml(d.hint)}</p>` : "",
    d.chain?.length ? `<p class="chain">Included from ${d.chain.map((c) => `<code>${escapeHtml(c)}</code>`).join(" &rarr; ")}</p>` : "",
    excerpt(sourceDir, d),
    "</li>",
  ].join("");
}

/**
 * The error page's styles, served by the preview at this address (src/cli/dev-server.ts) rather than from the
 * site's assets, which may be what broke. Not inline: the site's Content-Security-Policy, which the preview sends,
 * allows stylesheets from the site's origin only.
 */
export const ERROR_PAGE_STYLESHEET = "/.element-guides-preview/error-page.css";

export const ERROR_PAGE_CSS = `
body{margin:0;font:16px/1.5 system-ui,-apple-system,"Segoe UI",sans-serif;background:#fff7f5;color:#1d1d1f}
main{max-width:52rem;margin:2rem auto;padding:0 1rem}
h1{color:#b3261e;font-size:1.6rem;margin:.2rem 0}
ul{list-style:none;padding:0}
li{background:#fff;border:1px solid #f0c4bf;border-left:6px solid #b3261e;border-radius:6px;padding:.8rem 1rem;margin:1rem 0}
li.warning{border-color:#f2dcae;border-left-color:#a15c00}
.where,.msg,.hint,.chain{margin:.2rem 0}
.sev{font-weight:700;text-transform:uppercase;font-size:.75rem;color:#b3261e}
li.warning .sev{color:#a15c00}
.msg{font-weight:600}.hint{color:#3d3d3f}
code,pre{font:13px/1.45 ui-monospace,SFMono-Regular,Menlo,Consolas,monospace}
pre.src{background:#f6f6f7;padding:.5rem;border-radius:4px;overflow:auto}
pre.src span{display:block}pre.src .here{background:#fde2df}
pre.src b{color:#8a8a8e;font-weight:400}
@media (prefers-color-scheme:dark){body{background:#1c1514;color:#eee}li{background:#262020;border-color:#5a2f2b}
.hint{color:#ccc}pre.src{background:#151515}pre.src .here{background:#4a2320}}
`;

/**
 * A whole page, needing nothing from the site, standing in at `url` for a page that failed to
 * build. The dev server adds its live-reload script, so the next good save brings the real page back.
 */
export function errorPage(options: { url: string; diagnostics: readonly Diagnostic[]; sourceDir: string; title?: string }): string {
  const { url, diagnostics, sourceDir } = options;
  const title = options.title ?? "This page did not build";
  const items = diagnostics.length
    ? diagnostics.map((d) => diagnosticItem(d, sourceDir)).join("\n")
    : `<li class="error"><p class="msg">The page did not render; see the terminal running the preview.</p></li>`;
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<title>Build error: ${escapeHtml(url)}</title>
<link rel="stylesheet" href="${ERROR_PAGE_STYLESHEET}">
</head>
<body>
<main ${ERROR_PAGE_MARK}>
<p><small>Element Guides preview &middot; <code>${escapeHtml(url)}</code></small></p>
<h1>${escapeHtml(title)}</h1>
<p>Fix the problem${diagnostics.length === 1 ? "" : "s"} below and save: this page reloads by itself.</p>
<ul>
${items}
</ul>
</main>
</body>
</html>
`;
}

const BANNER_STYLE =
  "position:fixed;left:0;right:0;bottom:0;z-index:2147483647;max-height:40vh;overflow:auto;margin:0;" +
  "padding:.5rem 1rem;background:#fff4e5;color:#1d1d1f;border-top:3px solid #a15c00;" +
  "font:14px/1.4 system-ui,sans-serif;box-shadow:0 -2px 8px rgba(0,0,0,.15)";

/**
 * The page's HTML with a fixed banner listing its problems (and how many the rest of the site has), placed just
 * before `</body>`. Returns the HTML unchanged when there is nothing to show.
 */
export function withDiagnosticBanner(html: string, diagnostics: readonly Diagnostic[], elsewhere = 0): string {
  if (!diagnostics.length && !elsewhere) return html;
  const errors = diagnostics.filter((d) => d.severity === "error").length;
  const color = errors ? "#b3261e" : "#a15c00";
  const rows = diagnostics.map(
    (d) =>
      `<li><b style="color:${d.severity === "error" ? "#b3261e" : "#a15c00"}">${d.severity}</b> ` +
      `<code>${escapeHtml(location(d))}</code>` +
      (d.chain?.length ? ` (included from <code>${escapeHtml(d.chain[0])}</code>)` : "") +
      `: ${escapeHtml(d.message)}` +
      (d.hint ? ` <i>${escapeHtml(d.hint)}</i>` : "") +
      "</li>",
  );
  if (elsewhere) rows.push(`<li>${elsewhere} more ${elsewhere === 1 ? "problem" : "problems"} elsewhere in the site (see the terminal).</li>`);
  const banner =
    `<aside data-element-guides-problems role="status" style="${BANNER_STYLE};border-top-color:${color}">` +
    `<b>Preview: ${diagnostics.length} ${diagnostics.length === 1 ? "problem" : "problems"} on this page</b>` +
    `<ul style="margin:.25rem 0;padding-left:1.2rem">${rows.join("")}</ul></aside>`;
  const at = html.lastIndexOf("</body>");
  return at === -1 ? html + banner : html.slice(0, at) + banner + html.slice(at);
}
