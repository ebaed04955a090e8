import fs from "node:fs";
import path from "node:path";
import { GENERATOR_ROOT } from "../src/paths.ts";

const BIN = "bin/element-guides.mjs";

/**
 * The Node options `npm run build` starts the generator with (package.json's build script reads
 * `node <options> bin/element-guides.mjs build`), so that the bench times the command writers and CI run.
 */
export function buildNodeOptions(): string[] {
  const manifest = JSON.parse(fs.readFileSync(path.join(GENERATOR_ROOT, "package.json"), "utf8")) as { scripts?: Record<string, string> };
  const script = manifest.scripts?.build ?? "";
  const words = script.trim().split(/\s+/);
  const bin = words.indexOf(BIN);
  if (words[0] !== "node" || bin === -1 || words[bin + 1] !== "build") {
    throw new Error(`package.json's build script is not "node [options] ${BIN} build" (it is "${script}"): the bench cannot time it.`);
  }
  return words.slice(1, bin);
}
