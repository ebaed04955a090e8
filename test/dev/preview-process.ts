import { spawn, type ChildProcess } from "node:child_process";
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

/** `src/cli/dev-server.ts` running in a child process on a temporary tree, with what it printed so far. */
export class PreviewProcess {
  stdout = "";
  stderr = "";
  readonly url: string;
  private constructor(
    private readonly child: ChildProcess,
    readonly port: number,
  ) {
    this.url = `http://127.0.0.1:${port}`;
    child.stdout!.on("data", (chunk) => (this.stdout += chunk));
    child.stderr!.on("data", (chunk) => (this.stderr += chunk));
  }

  static async start(source: string, out: string): Promise<PreviewProcess> {
    const port = await freePort();
    const child = spawn(
      process.execPath,
      ["--import", "tsx", path.join(REPO_ROOT, "src/cli/dev-server.ts"), "--source", source, "--out", out, "--port", String(port)],
      { cwd: REPO_ROOT, env: { ...process.env, FORCE_COLOR: "0", ELEMENT_GUIDES_PREVIEW_LOG: "files" }, stdio: "pipe" },
    );
    const preview = new PreviewProcess(child, port);
    await waitFor(
      "the preview to start",
      () => {
        if (child.exitCode !== null) throw new Error(`dev server exited with ${child.exitCode}:\n${preview.stderr}`);
        return /Preview at http:\/\/127\.0\.0\.1:\d+\//.test(preview.stdout) ? true : undefined;
      },
      90_000,
    );
    return preview;
  }

  async fetch(urlPath: string): Promise<{ status: number; html: string }> {
    const response = await fetch(this.url + urlPath);
    return { status: response.status, html: await response.text() };
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

  stop(): Promise<void> {
    if (this.child.exitCode !== null || this.child.signalCode !== null) return Promise.resolve();
    return new Promise((resolve) => {
      this.child.once("exit", () => resolve());
      this.child.kill("SIGTERM");
      setTimeout(() => this.child.kill("SIGKILL"), 5_000).unref();
    });
  }
}
