import { createRequire } from "node:module";

/**
 * Eleventy's dev server listens on every interface and has no option for the host. A preview of
 * unpublished docs should be reachable from this machine only, so we bind its listen call to `host`.
 */
export async function bindDevServerTo(host: string): Promise<void> {
  const require = createRequire(import.meta.url);
  const DevServer = require("@11ty/eleventy-dev-server") as {
    prototype: { _serverListen(port: number): void; server: { listen(options: object): void } };
  };
  DevServer.prototype._serverListen = function (this: { server: { listen(options: object): void } }, port: number) {
    this.server.listen({ port, host });
  };
}
