/**
 * The Content-Security-Policy the site is built to run under; send it as an HTTP header (a <meta> policy
 * would also block the live preview's reload script). No inline scripts, no event-handler attributes, no
 * <style> elements, nothing from other hosts.
 *
 * - `style-src-attr 'unsafe-inline'`: style *attributes* only. Shiki colours each code token with CSS
 *   variables in a style attribute, markdown-it writes table alignment the same way, and Jekyll-era pages
 *   carry style attributes in their HTML. An attribute cannot run script, so this keeps script injection
 *   closed while leaving the content as written.
 * - `'wasm-unsafe-eval'`: Pagefind searches with WebAssembly; this allows compiling WebAssembly, not `eval`.
 * - `worker-src 'self'`: Pagefind searches in a web worker loaded from the site.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self' 'wasm-unsafe-eval'",
  "style-src 'self'",
  "style-src-attr 'unsafe-inline'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "worker-src 'self'",
  "font-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join("; ");
