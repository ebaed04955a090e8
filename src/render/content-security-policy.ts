/**
 * The Content-Security-Policy the site is built to run under. No inline scripts, no event-handler attributes,
 * no <style> elements, no script, style or font from other hosts. Every HTML file carries it as a <meta> tag, so raw <script>
 * in Markdown is blocked on any host; `_headers` (src/site-files/headers-file.ts) and the live preview send the
 * full value, header-only directives included.
 *
 * - `style-src-attr 'unsafe-inline'`: style *attributes* only. Shiki colours each code token with CSS
 *   variables in a style attribute, markdown-it writes table alignment the same way, and Jekyll-era pages
 *   carry style attributes in their HTML. An attribute cannot run script, so this keeps script injection
 *   closed while leaving the content as written.
 * - `'wasm-unsafe-eval'`: Pagefind searches with WebAssembly; this allows compiling WebAssembly, not `eval`.
 * - `worker-src 'self'`: Pagefind searches in a web worker loaded from the site.
 * - `connect-src 'self'`: also the live preview's reload socket (CSP 3 lets 'self' match ws: on the same host).
 * - `img-src`, `media-src`, `frame-src` `https:`: images, video and embeds (a YouTube video, a status badge, a CDN's
 *   diagrams) from other hosts, as guides brought over from Jekyll hold them. None of them can run script in the
 *   page; what the policy still refuses there (a script, a <style> element, an onclick) is a warning where it is
 *   written (src/render/inspect/blocked-content.ts).
 */
const DIRECTIVES = [
  "default-src 'self'",
  "script-src 'self' 'wasm-unsafe-eval'",
  "style-src 'self'",
  "style-src-attr 'unsafe-inline'",
  "img-src 'self' data: https:",
  "media-src 'self' https:",
  "frame-src 'self' https:",
  "connect-src 'self'",
  "worker-src 'self'",
  "font-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
];

/** The header value: every directive. */
export const CONTENT_SECURITY_POLICY = DIRECTIVES.join("; ");

/** Directives a <meta> policy ignores (browsers log a warning for each): only a header can carry them. */
const HEADER_ONLY = new Set(["frame-ancestors", "report-uri", "report-to", "sandbox"]);

/** The <meta> value: the header's directives less those a meta tag cannot express. */
export const META_CONTENT_SECURITY_POLICY = DIRECTIVES.filter((d) => !HEADER_ONLY.has(d.split(" ")[0])).join("; ");

/** The tag every HTML file of the site carries. */
export const CONTENT_SECURITY_POLICY_META_TAG = `<meta http-equiv="Content-Security-Policy" content="${META_CONTENT_SECURITY_POLICY.replace(/"/g, "&quot;")}">`;

/**
 * The page with the policy's <meta> tag as the first thing in <head> (after `<meta charset>` when that comes
 * first). A meta policy governs only what follows it, so it must precede every script and stylesheet. Done
 * on the rendered HTML, so that a tree's own layouts, which know nothing of it, and `layout: none` pages are
 * covered too. Our base layout writes the tag itself where this would put it (`POLICY_LINE_VARIABLE`), which saves a
 * page in it a search of the whole page and a copy of it.
 */
export function withContentSecurityPolicy(html: string): string {
  const head = /<head(?:\s[^>]*)?>(?:(\s*)<meta\s+charset\s*=[^>]*>)?/i.exec(html);
  // Without a <head> tag, a meta before any content still lands in the head the parser implies.
  const opening = head ?? /<html(?:\s[^>]*)?>/i.exec(html) ?? /<!doctype[^>]*>/i.exec(html);
  if (!opening) return `${CONTENT_SECURITY_POLICY_META_TAG}\n${html}`;
  const at = opening.index + opening[0].length;
  // Same indentation as the charset line, when there is one.
  return `${html.slice(0, at)}${head?.[1] || "\n"}${CONTENT_SECURITY_POLICY_META_TAG}${html.slice(at)}`;
}
