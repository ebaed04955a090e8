import { createRequire } from "node:module";
import type { IncomingMessage, ServerResponse } from "node:http";
import type { Server } from "node:net";

interface DevServer {
  server: Server;
  portRetryCount: number;
  options: { portReassignmentRetryCount: number };
  _serverListen(port: number): void;
  onRequestHandler(req: IncomingMessage, res: ServerResponse): Promise<void>;
}

/**
 * Adjusts Eleventy's dev server, where it has no option for what we need:
 * - it listens on every interface; a preview of unpublished docs should be reachable from this machine only, so
 *   its listen call (also used when it moves to the next free port) binds to `host`;
 * - its `headers` option reaches files from the output folder only, not its own reload script, redirects or
 *   `onRequest` answers; the site's headers (its Content-Security-Policy) go on every response, so the preview
 *   shows what the published site will block. (For its own bare error pages the dev server replaces the policy
 *   with one allowing just its inline reload script; those pages are not the site's. On the site's own 404 page
 *   it inlines that script too, which the policy blocks: that one page does not reload by itself.)
 * - a port it cannot listen on other than a taken one (a privileged port, a host not of this machine) is only
 *   logged, and the preview would wait forever; after its last try on taken ports it throws from an event
 *   handler. Both go to `onListenError` instead.
 */
export function configureDevServer(options: {
  host: string;
  headers: Record<string, string>;
  onListenError: (error: NodeJS.ErrnoException) => void;
}): void {
  const require = createRequire(import.meta.url);
  const DevServer = require("@11ty/eleventy-dev-server") as { prototype: DevServer };
  const watched = new WeakSet<Server>();
  DevServer.prototype._serverListen = function (this: DevServer, port: number) {
    if (!watched.has(this.server)) {
      watched.add(this.server);
      this.server.prependListener("error", (error: NodeJS.ErrnoException) => {
        const retries = error.code === "EADDRINUSE" && this.portRetryCount < this.options.portReassignmentRetryCount;
        if (!retries) options.onListenError(error);
      });
    }
    this.server.listen({ port, host: options.host });
  };
  const handle = DevServer.prototype.onRequestHandler;
  DevServer.prototype.onRequestHandler = async function (this: DevServer, req, res) {
    for (const [name, value] of Object.entries(options.headers)) res.setHeader(name, value);
    // The dev server throws on a path such as /..%2f..%2fetc/passwd; one bad request must not stop the preview.
    const badRequest = () => {
      if (!res.headersSent) res.statusCode = 400;
      res.end("Bad request\n");
    };
    try {
      await handle.call(this, req, res);
    } catch {
      badRequest();
    }
  };
}
