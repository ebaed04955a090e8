// A port already in use (say, by a second preview) moves the preview to the next free one, as Vite does, and the
// address it prints is the one that serves.
import fs from "node:fs";
import net from "node:net";
import { afterAll, beforeAll, expect, it } from "vitest";
import { jekyllCompatTree } from "../support/fixture-tree.ts";
import { runCli } from "../support/run-cli.ts";
import { freePort, PreviewProcess } from "./preview-process.ts";

let tree: string;
let taken: net.Server;
let takenPort: number;
let preview: PreviewProcess | undefined;

beforeAll(async () => {
  tree = jekyllCompatTree();
  takenPort = await freePort();
  taken = net.createServer((socket) =>
    socket.end("HTTP/1.1 418 I'm a teapot\r\nContent-Length: 0\r\nConnection: close\r\n\r\n", () => socket.destroy()),
  );
  await new Promise<void>((resolve) => taken.listen(takenPort, "127.0.0.1", resolve));
});

afterAll(async () => {
  await preview?.stop();
  await new Promise((resolve) => taken.close(resolve));
  if (tree) fs.rmSync(tree, { recursive: true, force: true });
});

it("serves on the next free port when --port is taken, and prints that port", async () => {
  preview = await PreviewProcess.start(tree, { port: takenPort });
  expect(preview.port).not.toBe(takenPort);
  expect(preview.stdout).toContain(`Port ${takenPort} is in use, so the preview took port ${preview.port}.`);
  expect(preview.url).toBe(`http://127.0.0.1:${preview.port}/`);
  const { status, html } = await preview.fetch("/docs/elements/tidewater-crm/events.html");
  expect(status).toBe(200);
  expect(html).toContain("<h1");
  // The port it was asked for still belongs to the other server.
  expect((await fetch(`http://127.0.0.1:${takenPort}/`)).status).toBe(418);
});

it("stops with one line, not a stack trace or a silent wait, when it cannot listen at all", async () => {
  // 203.0.113.1 is reserved for documentation: no machine has it.
  const result = await runCli("dev-server.ts", ["--source", tree, "--host", "203.0.113.1", "--port", String(takenPort)]);
  expect(result.code).toBe(1);
  expect(result.stderr).toBe(
    `Preview stopped: cannot listen on 203.0.113.1 port ${takenPort} (EADDRNOTAVAIL); choose another --port or --host.\n`,
  );
  expect(result.stdout).not.toContain("Preview at");
});
