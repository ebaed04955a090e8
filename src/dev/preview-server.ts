// Eleventy's dev server, serving the preview's output folder with live reload, and asking the preview session for
// each page first, so that a page renders when it is asked for.
import { createRequire } from "node:module";
import type { IncomingMessage, ServerResponse } from "node:http";
import type { AddressInfo, Server } from "node:net";
import path from "node:path";
import { CONTENT_SECURITY_POLICY_META_TAG } from "../render/content-security-policy.ts";
import { ERROR_PAGE_CSS, ERROR_PAGE_MARK, ERROR_PAGE_STYLESHEET } from "./error-page.ts";
import { ReloadGate } from "./reload-gate.ts";

/** The parts of @11ty/eleventy-dev-server we use (it ships no types). */
interface DevServer {
  server: Server;
  portRetryCount: number;
  options: { portReassignmentRetryCount: number };
  serve(port: number): void;
  ready(): Promise<void>;
  close(): Promise<void>;
  reload(event: { files: string[]; subtype?: string; build?: { templates: Array<{ url: string; inputPath: string; content: string }> } }): void;
  _serverListen(port: number): void;
  /** The reload socket's server (ws), once listening. */
  updateServer: { on(event: "connection", listener: () => void): void };
  onRequestHandler(req: IncomingMessage, res: ServerResponse): Promise<void>;
  augmentContentWithNotifier(content: string, inline: boolean, options?: object): string;
}

/** An answer of the preview's own: `html` to send instead of the output folder's file; `failed` for an error page. */
export interface PreviewAnswer {
  html?: string;
  failed: boolean;
}

export interface PreviewServerOptions {
  /** The folder served. */
  dir: string;
  host: string;
  port: number;
  /** The site's base path (`baseurl`), under which its pages link to each other. */
  pathPrefix: string;
  /** Sent with every response: the site's Content-Security-Policy. */
  headers: Record<string, string>;
  /**
   * Called before a request is served, with the output paths its address may stand for (most likely first) and
   * whether a browser navigates there; returns HTML to answer with and whether it (or the file served) is an error
   * page, or undefined to serve the file.
   */
  beforeServe(candidates: string[], navigation: boolean): Promise<PreviewAnswer | undefined>;
  /** Listening failed other than on a taken port (the dev server moves on from those). */
  onListenError(error: NodeJS.ErrnoException): void;
}

export interface PreviewServer {
  /** The port it listens on: the one asked for, or the next free one. */
  port: number;
  /** Reloads browsers: pages in place with their new HTML, other changed files (CSS reloads without the page). */
  reload(changed: { pages: Array<{ outputPath: string; html: string }>; files: string[] }): void;
  close(): Promise<void>;
}

/** Starts serving; resolves once it listens. */
export async function startPreviewServer(options: PreviewServerOptions): Promise<PreviewServer> {
  const require = createRequire(import.meta.url);
  const EleventyDevServer = require("@11ty/eleventy-dev-server") as { getServer(name: string, dir: string, options: object): DevServer };
  const prefix = options.pathPrefix.replace(/\/*$/, "/");
  const gate = new ReloadGate();
  const server = EleventyDevServer.getServer("element-guides-preview", options.dir, {
    pathPrefix: prefix,
    // Our line names the host and the real port; the dev server's names `localhost` whatever the host.
    messageOnStart: () => false,
    logger: { info: () => {}, log: () => {}, error: (message: string) => process.stderr.write(`${message}\n`) },
    middleware: [
      // The dev server does not wait for a middleware: this one answers every failure itself.
      async (req: IncomingMessage, res: ServerResponse, next: () => void) => {
        // A page a browser opens connects to the reload socket once it has loaded: reloads wait for that.
        if (req.headers["sec-fetch-dest"] === "document") {
          const opening = gate.opened();
          res.once("finish", () => {
            if (!/^text\/html\b/i.test(String(res.getHeader("content-type") ?? ""))) opening.notAPage();
          });
        }
        // `//a.html` is read as a URL of the host `a.html` (the home page) by the URL parsers here and in the dev
        // server: merged, as static hosts merge them, the slashes stand for the file `a.html`.
        req.url = withMergedSlashes(req.url ?? "/");
        try {
          const pathname = new URL(req.url, "http://preview").pathname;
          // The base path without its last slash is the site's home page, as a static host serves it.
          if (prefix !== "/" && pathname === prefix.slice(0, -1)) {
            res.statusCode = 302;
            res.setHeader("Location", prefix);
            res.end();
            return;
          }
          const answer = await answerFirst(req, pathname, prefix, options.beforeServe);
          if (!answer) return next();
          if (answer.failed) failed(res);
          if (answer.body === undefined) return next();
          res.setHeader("Content-Type", answer.type);
          res.end(answer.body);
        } catch {
          res.statusCode = 400;
          res.end("Bad request\n");
        }
      },
    ],
  });
  adjust(server, options);
  server.serve(options.port);
  await server.ready();
  server.updateServer.on("connection", () => gate.connected());
  return {
    port: (server.server.address() as AddressInfo).port,
    reload: ({ pages, files }) => {
      const templates = pages.flatMap(({ outputPath, html }) =>
        addressesOf(outputPath, prefix).map((url) => ({ url, inputPath: path.join(options.dir, outputPath), content: html })),
      );
      const all = [...pages.map((page) => page.outputPath), ...files].map((file) => path.join(options.dir, file));
      const cssOnly = all.length > 0 && all.every((file) => file.endsWith(".css"));
      gate.send(() => server.reload({ files: all, subtype: cssOnly ? "css" : undefined, build: { templates } }));
    },
    close: () => {
      gate.close();
      return server.close();
    },
  };
}

/**
 * What to answer before the dev server looks in the output folder: the error page's stylesheet (outside the
 * site's base path, which may be what broke), or what the session answers for a page; undefined to go on.
 */
async function answerFirst(
  req: IncomingMessage,
  pathname: string,
  prefix: string,
  beforeServe: PreviewServerOptions["beforeServe"],
): Promise<{ type: string; body?: string; failed?: boolean } | undefined> {
  if (pathname === ERROR_PAGE_STYLESHEET) return { type: "text/css; charset=utf-8", body: ERROR_PAGE_CSS };
  if (!pathname.startsWith(prefix)) return undefined;
  const inSite = decodeURIComponent(pathname.slice(prefix.length));
  // An address that climbs out of the site is the dev server's to refuse.
  if (inSite.includes("\0") || inSite.split(/[\\/]/).some((part) => part === "." || part === "..")) return undefined;
  // Browsers say `navigate` for a page they open; a fetch from a script says otherwise.
  const navigation = (req.headers["sec-fetch-mode"] ?? "navigate") === "navigate";
  // Repeated slashes (`//a.html`, `%2Fa.html`) stand for the file the dev server serves for them: the page renders first.
  const answer = await beforeServe(candidatesFor(inSite.replace(/\/{2,}/g, "/").replace(/^\//, "")), navigation);
  return answer && { type: "text/html; charset=utf-8", body: answer.html, failed: answer.failed };
}

/**
 * An error page is answered with status 500, as Vite answers a page that failed, so that a script or a link checker
 * run against the preview sees the failure. Marked as the site's own error page, the dev server leaves it the site's
 * Content-Security-Policy and gives it its reload script by address, as any page.
 */
function failed(res: ServerResponse): void {
  res.statusCode = 500;
  (res as ServerResponse & { isCustomErrorPage?: boolean }).isCustomErrorPage = true;
}

/** A request's path with each run of slashes as one (its query string as it is). */
function withMergedSlashes(url: string): string {
  const query = url.indexOf("?");
  return query === -1 ? url.replace(/\/{2,}/g, "/") : url.slice(0, query).replace(/\/{2,}/g, "/") + url.slice(query);
}

/** The output paths an address may stand for, as the dev server maps them: `a/` is `a/index.html`, `a` is `a.html`. */
function candidatesFor(inSite: string): string[] {
  if (inSite === "" || inSite.endsWith("/")) return [`${inSite}index.html`];
  return [inSite, `${inSite}.html`, `${inSite}/index.html`];
}

/** The addresses a browser may show a page at, for the dev server to update that page in place. */
function addressesOf(outputPath: string, prefix: string): string[] {
  const url = prefix + outputPath;
  if (url.endsWith("/index.html")) return [url, url.slice(0, -"index.html".length)];
  return url.endsWith(".html") ? [url, url.slice(0, -".html".length)] : [url];
}

/**
 * What the dev server has no option for:
 * - it listens on every interface; a preview of unpublished docs should be reachable from this machine only, so
 *   its listen call (also used when it moves to the next free port) binds to `host`;
 * - its `headers` option reaches files from the output folder only, not its own reload script or our answers;
 *   the site's Content-Security-Policy goes on every response, so that the preview blocks what the published site
 *   will. (For its own bare error pages it replaces the policy with one allowing just its inline reload script.)
 * - on a page answered with another status than 200 (the site's 404 page, our error pages) it inlines its reload
 *   script, which the site's policy blocks: those pages get the script by address, as every other page does;
 * - a port it cannot listen on other than a taken one (a privileged port, a host not of this machine) is only
 *   logged, and the preview would wait forever; after its last try on taken ports it throws from an event
 *   handler. Both go to `onListenError` instead.
 */
function adjust(server: DevServer, options: PreviewServerOptions): void {
  let watched = false;
  server._serverListen = (port: number) => {
    if (!watched) {
      watched = true;
      server.server.prependListener("error", (error: NodeJS.ErrnoException) => {
        const retries = error.code === "EADDRINUSE" && server.portRetryCount < server.options.portReassignmentRetryCount;
        if (!retries) options.onListenError(error);
      });
    }
    server.server.listen({ port, host: options.host });
  };
  const augment = server.augmentContentWithNotifier.bind(server);
  server.augmentContentWithNotifier = (content, inline, extra) =>
    augment(content, inline && !content.includes(CONTENT_SECURITY_POLICY_META_TAG) && !content.includes(ERROR_PAGE_MARK), extra);
  const handle = server.onRequestHandler.bind(server);
  server.onRequestHandler = async (req, res) => {
    for (const [name, value] of Object.entries(options.headers)) res.setHeader(name, value);
    try {
      await handle(req, res);
    } catch {
      // A path such as /..%2f..%2fetc/passwd makes the dev server throw; one bad request must not stop the preview.
      if (!res.headersSent) res.statusCode = 400;
      res.end("Bad request\n");
    }
  };
}
