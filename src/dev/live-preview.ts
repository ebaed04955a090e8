// The live preview: loads the tree, serves each page as soon as a browser asks for it (rendering it then), renders
// and checks the rest in the background, and applies each save. Runs in `npm start`'s own process (serve.ts)
// until the generator's code changes, and in a process of its own after that (dev-server.ts).
import net from "node:net";
import path from "node:path";
import { loadSiteConfig, normalizeBaseUrl } from "../config/site-config.ts";
import { formatProblems } from "../diagnostics/format-human.ts";
import { catchStrayRejections } from "../plugins/stray-rejections.ts";
import { useColor } from "../diagnostics/output-style.ts";
import { CONTENT_SECURITY_POLICY } from "../render/content-security-policy.ts";
import type { PreviewOptions } from "./preview-options.ts";
import { removePreviewOutput } from "./preview-output.ts";
import { startPreviewServer, type PreviewServer } from "./preview-server.ts";
import { PreviewSession } from "./preview-session.ts";
import { watchSources, type SourceWatcher } from "./source-watcher.ts";
import { ignoredByWatcher, watchedFolders } from "./watched-folders.ts";

/** The background starts this long after the tree is loaded, unless a browser asks for a page sooner. */
const BACKGROUND_AFTER_MS = 1_000;

export class LivePreview {
  /** The port it listens on, once it does. */
  port: number | undefined;
  /** Resolves when the first page is out (or no browser asked for one within a second of the load): time for other work. */
  readonly firstPageOut: Promise<void>;
  private firstPageIsOut!: () => void;
  private readonly session: PreviewSession;
  private server: PreviewServer | undefined;
  private watcher: SourceWatcher | undefined;
  private backgroundTimer: NodeJS.Timeout | undefined;
  private starting: Promise<void> | undefined;
  private stopping = false;

  constructor(private readonly options: PreviewOptions) {
    this.firstPageOut = new Promise((resolve) => (this.firstPageIsOut = resolve));
    const color = useColor(process.stderr);
    // A plugin's promise that nothing awaited is shown, and the preview goes on.
    catchStrayRejections(options.sourceDir, (problem) => process.stderr.write(formatProblems([problem], color)));
    this.session = new PreviewSession({
      sourceDir: options.sourceDir,
      baseurl: options.base,
      outputDir: options.output.dir,
      events: {
        problems: (problems) => process.stderr.write(formatProblems(problems, color)),
        settled: (summary) => process.stdout.write(`${summary}\n`),
        wrote: options.verbose ? (outputPath) => process.stdout.write(`Preview writes ${outputPath}\n`) : undefined,
        reload: (changed) => this.server?.reload(changed),
      },
    });
  }

  /**
   * Listens and prints the address, then loads the tree (a browser asking meanwhile gets its page once it is
   * loaded); resolves once it is. Does nothing more when stopped meanwhile.
   */
  start(): Promise<void> {
    this.starting ??= this.listenAndLoad();
    return this.starting;
  }

  /**
   * Stops serving, watching and rendering, and deletes the preview's own output folder; the port is free after.
   * `exiting`: the process ends right after, so the work under way (the tree's load, Shiki, a page) is not waited
   * for, as another preview using the output folder would have to.
   */
  async stop({ exiting = false } = {}): Promise<void> {
    this.stopping = true;
    if (!exiting) await this.starting?.catch(() => {});
    clearTimeout(this.backgroundTimer);
    this.firstPageIsOut();
    const sessionStopped = this.session.stop();
    await Promise.all([this.watcher?.close(), this.server?.close(), exiting ? undefined : sessionStopped]);
    removePreviewOutput(this.options.output);
  }

  private async listenAndLoad(): Promise<void> {
    const { sourceDir, output, host, port } = this.options;
    const baseurl = baseurlBeforeLoading(this.options);
    let backgroundStarted = false;
    const startBackground = () => {
      if (backgroundStarted || this.stopping) return;
      backgroundStarted = true;
      this.firstPageIsOut();
      void this.session.startBackground();
    };
    this.server = await startPreviewServer({
      dir: output.dir,
      host,
      port,
      pathPrefix: baseurl,
      headers: { "Content-Security-Policy": CONTENT_SECURITY_POLICY },
      beforeServe: async (candidates, navigation) => {
        const answer = await this.session.request(candidates, navigation);
        // The first page is out: the rest of the site can have the machine now.
        setImmediate(startBackground);
        return answer;
      },
      onListenError: (error) => {
        const why =
          error.code === "EADDRINUSE"
            ? `port ${port} and the ones after it are all in use`
            : `cannot listen on ${host} port ${port} (${error.code ?? error.message})`;
        process.stderr.write(`Preview stopped: ${why}; choose another --port${error.code === "EADDRINUSE" ? "" : " or --host"}.\n`);
        // At once, before the dev server logs the error again or throws; nothing is listening to close.
        removePreviewOutput(output);
        process.exit(1);
      },
    });
    this.port = this.server.port;

    // Like Vite: a taken port (asked for or the default) moves the preview to the next free one, and says so.
    if (port !== 0 && this.port !== port) {
      process.stdout.write(`Port ${port} is in use, so the preview took port ${this.port}.\n`);
    }
    const url = `http://${net.isIPv6(host) ? `[${host}]` : host}:${this.port}${baseurl.replace(/\/*$/, "/")}`;
    process.stdout.write(`Preview at ${url} (edit files under ${path.relative(".", sourceDir) || "."}; Ctrl-C stops)\n`);

    if (this.stopping) return;
    // Watched before the tree is read, so that a save made while it loads is applied once it has.
    this.watcher = watchSources({
      dirs: watchedFolders(sourceDir),
      ignore: (file) => ignoredByWatcher(file, { sourceDir, outputDir: output.dir }),
      onSaved: (files) => void this.session.saved(files),
      onProblem: (message) => process.stderr.write(message),
    });
    await this.session.start();
    if (this.stopping) return;
    this.backgroundTimer = setTimeout(startBackground, BACKGROUND_AFTER_MS);
  }
}

/**
 * The base path the server serves under, read before the tree is loaded so that the address can be printed at
 * once: --base, else `baseurl` of _config.yml (none while it does not load). The server keeps it, as it always
 * kept the first one across saves of _config.yml.
 */
function baseurlBeforeLoading(options: PreviewOptions): string {
  try {
    return loadSiteConfig(options.sourceDir, { baseurl: options.base }).baseurl;
  } catch {
    return normalizeBaseUrl(options.base ?? "");
  }
}
