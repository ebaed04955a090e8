#!/usr/bin/env node
// Runs a generator command from the esbuild bundle of src/, rebuilding the bundle when a source changed. Every
// npm script starts here (see package.json), so there is one way the generator's TypeScript runs.
// Usage: element-guides.mjs <command> [options]   (commands: build, check, serve, new-element, new-page, …)
// `npm run build` and `npm run check` start Node with two V8 flags, flags because V8 reads them when it starts,
// before this file runs:
// - --max-semi-space-size=8 (the young generation at half its default): 20 MiB less peak memory on 1,500 pages for
//   15 ms more garbage collection; at 4 it cost 150 ms.
// - --max-inlined-bytecode-size-cumulative=150 (default 920): TurboFan inlines less into each function it
//   optimizes, so it compiles the build's ~390 hot functions for less CPU on the core Pagefind needs. 1,500 pages:
//   7% less wall time, 10% less CPU (median of six interleaved rounds); 10,000 pages: 1% and 3% less, so the
//   leaner code does not cost a long build. 100 gained no more, 300 half as much.
import path from "node:path";
import { pathToFileURL } from "node:url";
import { ensureBundle, ENTRIES } from "./bundle.mjs";

// A reader that goes away (`npm run build | head`) stops reading, not the command: what is written to it after is
// dropped, and the exit status stays the command's own.
for (const stream of [process.stdout, process.stderr]) {
  stream.on("error", (error) => {
    if (error.code !== "EPIPE") throw error;
  });
}

// What each command a person runs does, for `--help`; the others (dev-server, bench-floor, bench-openapi) are run
// by the preview and the bench.
const SUMMARIES = {
  build: "render, check and index the site into _site/ (npm run build)",
  check: "run every check without writing the site (npm run check)",
  serve: "the live preview (npm start)",
  "new-element": "start a new element guide (npm run new-element)",
  "new-page": "add a page to an element guide (npm run new-page)",
  references: "rewrite the writer's guide's generated references (npm run references)",
  bench: "time builds against the stack floor, bare Eleventy and Jekyll (npm run bench)",
};

// `help build` is `build --help`.
const [command, ...rest] = process.argv[2] === "help" && process.argv[3] !== undefined ? [process.argv[3], "--help"] : process.argv.slice(2);
const commands = new Set(Object.keys(ENTRIES).filter((name) => name !== "render-worker" && name !== "eleventy.config"));
if (command === undefined || command === "--help" || command === "-h" || command === "help") {
  const width = Math.max(...Object.keys(SUMMARIES).map((name) => name.length)) + 2;
  const lines = Object.entries(SUMMARIES).map(([name, does]) => `  ${name.padEnd(width)}${does}`);
  const help = `Usage: element-guides <command> [options]\n\nCommands:\n${lines.join("\n")}\n\n<command> --help says what its options are.\n`;
  // Asked for, the help is the answer; with no command at all, it is the reason nothing ran.
  (command === undefined ? process.stderr : process.stdout).write(help);
  process.exit(command === undefined ? 2 : 0);
}
if (!commands.has(command)) {
  process.stderr.write(`Unknown command "${command}". Commands: ${Object.keys(SUMMARIES).join(", ")}\n  hint: element-guides --help says what each does.\n`);
  process.exit(2);
}
process.argv = [process.argv[0], process.argv[1], ...rest];
let dir;
try {
  dir = await ensureBundle();
} catch (error) {
  if (error && typeof error.code === "string" && typeof error.path === "string") {
    // The code is fine; the folder its bundle goes into is not writable (a read-only install, a full disk).
    process.stderr.write(
      `The generator cannot write its bundle into ${error.path} (${error.code}); nothing was built.\n` +
        "  hint: make the generator's .cache/ folder writable, or run any npm script once where it is, before making it read-only.\n",
    );
  } else {
    // esbuild has already printed each problem with its file and line.
    process.stderr.write("The generator's own code did not compile; nothing was built.\n");
  }
  process.exit(1);
}
await import(pathToFileURL(path.join(dir, `${command}.mjs`)).href);
