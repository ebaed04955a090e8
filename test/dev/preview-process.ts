import { execFileSync, spawn, type ChildProcess } from "node:child_process";
import net from "node:net";
import path from "node:path";
import { REPO_ROOT } from "../support/run-cli.ts";

/** A free TCP port on 127.0.0.1, as the OS hands it out. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

/** True when something accepts connections on 127.0.0.1:`port`. */
export function isListening(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect(port, "127.0.0.1");
    socket.once("connect", () => {
      socket.destroy();
      resolve(true);
    });
    socket.once("error", () => resolve(false));
  });
}

/** True while a process with this id exists. */
export function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** Every process below `pid` (children, their children, ...). */
export function descendantsOf(pid: number): number[] {
  let children: number[];
  try {
    children = execFileSync("pgrep", ["-P", String(pid)], { encoding: "utf8" }).split("\n").filter(Boolean).map(Number);
  } catch {
    return []; // pgrep exits 1 when there are none
  }
  return children.flatMap((child) => [child, ...descendantsOf(child)]);
}

/** Polls `probe` until it returns something other than undefined; fails after `timeoutMs` with the last state. */
export async function waitFor<T>(
  what: string,
  probe: () => Promise<T | undefined> | T | undefined,
  timeoutMs = 30_000,
  pollMs = 100,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let lastError: unknown;
  for (;;) {
    try {
      const value = await probe();
      if (value !== undefined) return value;
    } catch (error) {
      lastError = error;
    }
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}${lastError ? `: ${String(lastError)}` : ""}`);
    await new Promise((resolve) => setTimeout(resolve, pollMs));
  }
}

export interface PreviewOptions {
  /** `--out`; by default the preview picks its own folder. */
  out?: string;
  /** `--port`; by default a free one. */
  port?: number;
  /** `--base`; by default the tree's baseurl. */
  base?: string;
  /** What to run: the preview itself, `npm start`'s process (serve.ts) or `npm start`. */
  command?: "dev-server" | "serve" | "npm start";
  env?: NodeJS.ProcessEnv;
  /** The generator's folder to run it from: by default this repository. */
  root?: string;
}

/** The live preview running in a child process on a temporary tree, with what it printed so far. */
export class PreviewProcess {
  stdout = "";
  stderr = "";
  /** The address the preview printed. */
  url = "";
  private constructor(private readonly child: ChildProcess) {
    child.stdout!.on("data", (chunk) => (this.stdout += chunk));
    child.stderr!.on("data", (chunk) => (this.stderr += chunk));
  }

  get pid(): number {
    return this.child.pid!;
  }

  /** The port of the printed address. */
  get port(): number {
    return Number(new URL(this.url).port);
  }

  static async start(source: string, options: PreviewOptions = {}): Promise<PreviewProcess> {
    // --verbose names each file written (writesAfter reads those lines).
    const args = ["--source", source, "--port", String(options.port ?? (await freePort())), "--verbose"];
    if (options.out !== undefined) args.push("--out", options.out);
    if (options.base !== undefined) args.push("--base", options.base);
    const command = options.command ?? "dev-server";
    const root = options.root ?? REPO_ROOT;
    const [file, argv] =
      command === "npm start"
        ? ["npm", ["start", "--silent", "--", ...args]]
        : [process.execPath, ["--import", "tsx", path.join(root, `src/cli/${command}.ts`), ...args]];
    const child = spawn(file, argv, {
      cwd: root,
      env: { ...process.env, FORCE_COLOR: "0", ...options.env },
      stdio: "pipe",
      // Its own process group, so that a test can send Ctrl-C's SIGINT to all of it as a terminal does.
      detached: true,
    });
    const preview = new PreviewProcess(child);
    preview.url = await waitFor(
      "the preview to start",
      () => {
        if (child.exitCode !== null) throw new Error(`the preview exited with ${child.exitCode}:\n${preview.stderr}`);
        return /^Preview at (http:\S+)/m.exec(preview.stdout)?.[1];
      },
      90_000,
    );
    return preview;
  }

  async fetch(urlPath: string): Promise<{ status: number; html: string; headers: Headers }> {
    const response = await fetch(new URL(urlPath, this.url));
    return { status: response.status, html: await response.text(), headers: response.headers };
  }

  /** Polls the served page until `test` accepts its HTML; returns that HTML. */
  async waitForPage(urlPath: string, what: string, test: (html: string) => boolean): Promise<string> {
    return waitFor(`${urlPath} to show ${what}`, async () => {
      const { html } = await this.fetch(urlPath);
      return test(html) ? html : undefined;
    });
  }

  /**
   * Runs `save`, waits for the preview build it triggers, and returns the output paths that build wrote
   * (from the `Preview writes` lines printed before its `Preview:` summary).
   */
  async writesAfter(save: () => void): Promise<string[]> {
    const from = this.stdout.length;
    save();
    const segment = await waitFor("a preview build", () => {
      const text = this.stdout.slice(from);
      const end = text.search(/^Preview: .*$/m);
      return end === -1 ? undefined : text.slice(0, end);
    });
    return [...segment.matchAll(/^Preview writes (.+)$/gm)].map((m) => m[1]);
  }

  /** Sends `signal` to the process (or, with `group`, to its whole process group) and waits for it to exit. */
  signal(signal: NodeJS.Signals, options: { group?: boolean } = {}): Promise<void> {
    if (this.child.exitCode !== null || this.child.signalCode !== null) return Promise.resolve();
    return new Promise((resolve) => {
      this.child.once("exit", () => resolve());
      process.kill(options.group ? -this.pid : this.pid, signal);
    });
  }

  /** Stops the preview; kills its whole process group if it has not exited within five seconds. */
  async stop(): Promise<void> {
    const killer = setTimeout(() => {
      try {
        process.kill(-this.pid, "SIGKILL");
      } catch {
        // already gone
      }
    }, 5_000);
    await this.signal("SIGTERM");
    clearTimeout(killer);
  }
}
