// The live preview: Eleventy watches the source tree, rebuilds through our plugin and reloads the browser.
// Started (and restarted on code changes) by serve.ts; tests start it directly.
import net from "node:net";
import path from "node:path";
import { parseArgs } from "node:util";
import { ERROR_PAGE_CSS, ERROR_PAGE_STYLESHEET } from "../dev/error-page.ts";
import { onStopRequest } from "../dev/on-stop-request.ts";
import { previewOutput, removePreviewOutput, type PreviewOutput } from "../dev/preview-output.ts";
import { watcherReady } from "../dev/watcher-ready.ts";
import { GENERATOR_ROOT } from "../paths.ts";
import { CONTENT_SECURITY_POLICY } from "../reader/content-security-policy.ts";
import { configureDevServer } from "./dev-server-host.ts";

const USAGE = "Usage: npm start -- [--source DIR] [--out DIR] [--base /path/] [--port N] [--host ADDRESS]";

function refuse(message: string): never {
  process.stderr.write(`Preview not started: ${message}\n`);
  process.exit(2);
}

let values: { source?: string; out?: string; base?: string; port?: string; host?: string };
try {
  ({ values } = parseArgs({
    args: process.argv.slice(2),
    options: {
      source: { type: "string" },
      out: { type: "string" },
      base: { type: "string" },
      port: { type: "string" },
      host: { type: "string" },
    },
  }));
} catch (error) {
  process.stderr.write(`${(error as Error).message}\n${USAGE}\n`);
  process.exit(2);
}
const sourceDir = path.resolve(values.source ?? ".");
const host = values.host ?? "127.0.0.1";
const requestedPort = Number(values.port ?? 8080);
if (!Number.isInteger(requestedPort) || requestedPort < 0 || requestedPort > 65535) {
  refuse(`--port ${JSON.stringify(values.port)} is not a port number (0 to 65535).`);
}
const chosen = previewOutput(values.out, sourceDir);
if ("error" in chosen) refuse(chosen.error);
const output: PreviewOutput = chosen;
process.env.ELEMENT_GUIDES_SOURCE = sourceDir;
if (values.base !== undefined) process.env.ELEMENT_GUIDES_BASE = values.base;

let eleventy: { stopWatch(): Promise<unknown> } | undefined;
onStopRequest(async () => {
  // Stopping the watcher and closing the server normally takes milliseconds; never hang on it.
  setTimeout(() => {
    removePreviewOutput(output);
    process.exit(0);
  }, 2_000);
  await eleventy?.stopWatch();
  removePreviewOutput(output);
  process.exit(0);
});

configureDevServer({
  host,
  headers: { "Content-Security-Policy": CONTENT_SECURITY_POLICY },
  onListenError: (error) => {
    const why =
      error.code === "EADDRINUSE"
        ? `port ${requestedPort} and the ones after it are all in use`
        : `cannot listen on ${host} port ${requestedPort} (${error.code ?? error.message})`;
    process.stderr.write(`Preview stopped: ${why}; choose another --port${error.code === "EADDRINUSE" ? "" : " or --host"}.\n`);
    // At once, before Eleventy's own handler logs the error again or throws; nothing is listening to close.
    removePreviewOutput(output);
    process.exit(1);
  },
});
const { default: Eleventy } = await import("@11ty/eleventy");
let listening: net.Server | undefined;
const preview = new Eleventy(sourceDir, output.dir, {
  configPath: path.join(GENERATOR_ROOT, ".eleventy.ts"),
  runMode: "serve",
  quietMode: true,
  config: (eleventyConfig: { setServerOptions(options: object): void }) => {
    eleventyConfig.setServerOptions({
      // Eleventy's own line names `localhost` whatever the host; ours below names the host and the real port.
      messageOnStart: () => false,
      onRequest: {
        [ERROR_PAGE_STYLESHEET]: () => ({ headers: { "Content-Type": "text/css; charset=utf-8" }, body: ERROR_PAGE_CSS }),
      },
      // Called once the server listens: on the requested port or, when that is taken, on the next free one.
      ready: (devServer: { server: net.Server }) => {
        listening = devServer.server;
      },
    });
  },
});
eleventy = preview;
await preview.init();
await preview.watch();
// Eleventy only logs a deleted file; a deleted page, include or data file must rebuild the preview too
// (our plugin sees the missing file and rebuilds everything, removing the page's output).
const watcher = (preview as unknown as { watcher?: Parameters<typeof watcherReady>[0] }).watcher;
watcher?.on("unlink", (file: string) => watcher.emit("change", file));
// Saves made before the watcher has scanned the tree go unseen: announce the preview only once it has.
if (watcher) await watcherReady(watcher);
await preview.serve(requestedPort);

// Like Vite: a taken port (asked for or the default) moves the preview to the next free one, and says so.
const port = (listening!.address() as net.AddressInfo).port;
if (requestedPort !== 0 && port !== requestedPort) {
  process.stdout.write(`Port ${requestedPort} is in use, so the preview took port ${port}.\n`);
}
const url = `http://${net.isIPv6(host) ? `[${host}]` : host}:${port}/`;
process.stdout.write(`Preview at ${url} (edit files under ${path.relative(".", sourceDir) || "."}; Ctrl-C stops)\n`);
// serve.ts restarts us on the same port, so that an open browser tab keeps working.
process.send?.({ port });
