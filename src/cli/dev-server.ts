// The live preview: loads the tree, serves each page as soon as a browser asks for it (rendering it then), renders
// and checks the rest in the background, and applies each save. Started (and restarted on code changes) by
// serve.ts; tests start it directly.
import net from "node:net";
import path from "node:path";
import { parseArgs } from "node:util";
import { formatProblems } from "../diagnostics/format-human.ts";
import { useColor } from "../diagnostics/output-style.ts";
import { onStopRequest } from "../dev/on-stop-request.ts";
import { previewOutput, removePreviewOutput, type PreviewOutput } from "../dev/preview-output.ts";
import { startPreviewServer, type PreviewServer } from "../dev/preview-server.ts";
import { PreviewSession } from "../dev/preview-session.ts";
import { watchSources, type SourceWatcher } from "../dev/source-watcher.ts";
import { ignoredByWatcher, watchedFolders } from "../dev/watched-folders.ts";
import { CONTENT_SECURITY_POLICY } from "../render/content-security-policy.ts";

const USAGE = "Usage: npm start -- [--source DIR] [--out DIR] [--base /path/] [--port N] [--host ADDRESS] [--verbose]";

/** The background starts this long after the preview listens, unless a browser asks for a page sooner. */
const BACKGROUND_AFTER_MS = 1_000;

function refuse(message: string): never {
  process.stderr.write(`Preview not started: ${message}\n`);
  process.exit(2);
}

let values: { source?: string; out?: string; base?: string; port?: string; host?: string; verbose?: boolean };
try {
  ({ values } = parseArgs({
    args: process.argv.slice(2),
    options: {
      source: { type: "string" },
      out: { type: "string" },
      base: { type: "string" },
      port: { type: "string" },
      host: { type: "string" },
      // Names each file as it is written (the tests read these lines).
      verbose: { type: "boolean" },
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

let server: PreviewServer | undefined;
let watcher: SourceWatcher | undefined;
onStopRequest(async () => {
  // Closing the watcher and the server normally takes milliseconds; never hang on it.
  setTimeout(() => {
    removePreviewOutput(output);
    process.exit(0);
  }, 2_000).unref();
  await Promise.all([watcher?.close(), server?.close()]);
  removePreviewOutput(output);
  process.exit(0);
});

const color = useColor(process.stderr);
const session = new PreviewSession({
  sourceDir,
  baseurl: values.base,
  outputDir: output.dir,
  events: {
    problems: (problems) => process.stderr.write(formatProblems(problems, color)),
    settled: (summary) => process.stdout.write(`${summary}\n`),
    wrote: values.verbose ? (outputPath) => process.stdout.write(`Preview writes ${outputPath}\n`) : undefined,
    reload: (changed) => server?.reload(changed),
  },
});
// Files saved from here on are seen, by the watcher or, before it is ready, when it is.
const loadStarted = Date.now();
await session.start();

let backgroundStarted = false;
const startBackground = () => {
  if (backgroundStarted) return;
  backgroundStarted = true;
  watcher = watchSources({
    dirs: watchedFolders(sourceDir),
    ignore: (file) => ignoredByWatcher(file, { sourceDir, outputDir: output.dir }),
    since: loadStarted,
    onSaved: (files) => void session.saved(files),
  });
  void session.startBackground();
};

server = await startPreviewServer({
  dir: output.dir,
  host,
  port: requestedPort,
  pathPrefix: session.baseurl,
  headers: { "Content-Security-Policy": CONTENT_SECURITY_POLICY },
  beforeServe: async (candidates, navigation) => {
    const answer = await session.request(candidates, navigation);
    // The first page is out: the rest of the site can have the machine now.
    setImmediate(startBackground);
    return answer;
  },
  onListenError: (error) => {
    const why =
      error.code === "EADDRINUSE"
        ? `port ${requestedPort} and the ones after it are all in use`
        : `cannot listen on ${host} port ${requestedPort} (${error.code ?? error.message})`;
    process.stderr.write(`Preview stopped: ${why}; choose another --port${error.code === "EADDRINUSE" ? "" : " or --host"}.\n`);
    // At once, before the dev server logs the error again or throws; nothing is listening to close.
    removePreviewOutput(output);
    process.exit(1);
  },
});
setTimeout(startBackground, BACKGROUND_AFTER_MS);

// Like Vite: a taken port (asked for or the default) moves the preview to the next free one, and says so.
if (requestedPort !== 0 && server.port !== requestedPort) {
  process.stdout.write(`Port ${requestedPort} is in use, so the preview took port ${server.port}.\n`);
}
const url = `http://${net.isIPv6(host) ? `[${host}]` : host}:${server.port}${session.baseurl.replace(/\/*$/, "/")}`;
process.stdout.write(`Preview at ${url} (edit files under ${path.relative(".", sourceDir) || "."}; Ctrl-C stops)\n`);
// serve.ts restarts us on the same port, so that an open browser tab keeps working.
process.send?.({ port: server.port });
