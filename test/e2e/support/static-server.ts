import fs from "node:fs";
import http from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";

export interface StaticServer {
  /** The site's root URL, base path included, with a trailing slash. */
  url: string;
  close(): Promise<void>;
}

export interface ServeOptions {
  /** Serve the folder under this path, e.g. "/guides", as a sub-path deploy would. */
  basePath?: string;
  /** Extra response headers for HTML pages, e.g. a Content-Security-Policy. */
  headers?: Record<string, string>;
}

const TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".json": "application/json",
  ".svg": "image/svg+xml",
  ".xml": "application/xml",
  ".txt": "text/plain; charset=utf-8",
  ".md": "text/markdown; charset=utf-8",
  ".png": "image/png",
  // Pagefind streams its WebAssembly; browsers compile streamed wasm only with this type.
  ".wasm": "application/wasm",
};

/**
 * A static host on 127.0.0.1 as simple as the ones the site is deployed to: files as they are, a folder's
 * index.html, and 404.html with status 404 for anything missing.
 */
export async function serveFolder(root: string, options: ServeOptions = {}): Promise<StaticServer> {
  const base = (options.basePath ?? "").replace(/\/+$/, "");
  const server = http.createServer((request, response) => {
    const pathname = decodeURIComponent(new URL(request.url ?? "/", "http://x").pathname);
    const file = pathname.startsWith(`${base}/`) ? findFile(root, pathname.slice(base.length)) : undefined;
    const status = file ? 200 : 404;
    const target = file ?? path.join(root, "404.html");
    const type = TYPES[path.extname(target)] ?? "application/octet-stream";
    const headers: Record<string, string> = { "content-type": type, "cache-control": "no-store" };
    if (type.startsWith("text/html")) Object.assign(headers, options.headers);
    response.writeHead(status, headers);
    fs.createReadStream(target).pipe(response);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}${base}/`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

function findFile(root: string, urlPath: string): string | undefined {
  const candidate = path.join(root, urlPath);
  if (path.relative(root, candidate).startsWith("..")) return undefined;
  const file = urlPath.endsWith("/") ? path.join(candidate, "index.html") : candidate;
  return fs.existsSync(file) && fs.statSync(file).isFile() ? file : undefined;
}
