// The live preview: Eleventy watches the source tree, rebuilds through our plugin and reloads the browser.
// Started (and restarted on code changes) by serve.ts.
import path from "node:path";
import { parseArgs } from "node:util";
import Eleventy from "@11ty/eleventy";
import { GENERATOR_ROOT } from "../paths.ts";
import { watcherReady } from "../dev/watcher-ready.ts";
import { bindDevServerTo } from "./dev-server-host.ts";

const { values } = parseArgs({
  args: process.argv.slice(2),
  options: {
    source: { type: "string" },
    out: { type: "string" },
    base: { type: "string" },
    port: { type: "string" },
    host: { type: "string" },
  },
});
const sourceDir = path.resolve(values.source ?? ".");
const host = values.host ?? "127.0.0.1";
const port = Number(values.port ?? 8080);
process.env.ELEMENT_GUIDES_SOURCE = sourceDir;
if (values.base !== undefined) process.env.ELEMENT_GUIDES_BASE = values.base;

await bindDevServerTo(host);
const eleventy = new Eleventy(sourceDir, path.resolve(values.out ?? "_site"), {
  configPath: path.join(GENERATOR_ROOT, ".eleventy.ts"),
  runMode: "serve",
  quietMode: true,
});
await eleventy.init();
await eleventy.watch();
// Eleventy only logs a deleted file; a deleted page, include or data file must rebuild the preview too
// (our plugin sees the missing file and rebuilds everything, removing the page's output).
const watcher = (eleventy as unknown as { watcher?: Parameters<typeof watcherReady>[0] }).watcher;
watcher?.on("unlink", (file: string) => watcher.emit("change", file));
// Saves made before the watcher has scanned the tree go unseen: announce the preview only once it has.
if (watcher) await watcherReady(watcher);
await eleventy.serve(port);
process.stdout.write(`Preview at http://${host}:${port}/ (edit files under ${path.relative(".", sourceDir) || "."}; Ctrl-C stops)\n`);

process.on("SIGTERM", async () => {
  await eleventy.stopWatch();
  process.exit(0);
});
