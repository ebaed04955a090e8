// Pages are written as they render, on libuv's threads: the render waits when the disk falls behind, and the
// stream's end waits for every file and reports the first that could not be written.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, beforeEach, expect, it } from "vitest";
import { pageStream } from "../../../src/build/page-stream.ts";
import type { SourcePage } from "../../../src/content/source-page.ts";
import type { RenderedPage } from "../../../src/render/render-page.ts";

let dir: string;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "element-guides-page-stream-"));
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

const source = (i: number) => ({ file: `docs/p${i}.md`, outputPath: `docs/p${i}.html` }) as SourcePage;
const rendered = (i: number): RenderedPage => ({ file: `docs/p${i}.md`, url: `/docs/p${i}.html`, outputPath: `docs/p${i}.html`, html: `<p>${i}</p>`, dependencies: [] });

it("holds the render back while more than 256 files wait, and ends once every file is written", async () => {
  const pages = Array.from({ length: 600 }, (_, i) => source(i));
  const stream = pageStream(dir, pages);
  // Handed over without a pause, as a render faster than the disk would.
  const kept = pages.map((_, i) => stream.write(rendered(i)));
  expect(kept.every((page) => page.html === "")).toBe(true);
  let caughtUp = false;
  const waiting = stream.caughtUp().then(() => (caughtUp = true));
  await Promise.resolve();
  expect(caughtUp).toBe(false);
  await waiting;
  await stream.finish();
  expect(stream.written.size).toBe(600);
  expect(fs.readFileSync(path.join(dir, "docs/p599.html"), "utf8")).toBe("<p>599</p>");
  await expect(stream.caughtUp()).resolves.toBeUndefined();
});

it("reports the first file that could not be written once the writes under way are over", async () => {
  fs.mkdirSync(path.join(dir, "docs/p1.html"), { recursive: true });
  const pages = [0, 1, 2].map(source);
  const stream = pageStream(dir, pages);
  for (const i of [0, 1, 2]) stream.write(rendered(i));
  await expect(stream.finish()).rejects.toMatchObject({ code: "EISDIR" });
  expect([...stream.written].sort()).toEqual(["docs/p0.html", "docs/p2.html"]);
});
