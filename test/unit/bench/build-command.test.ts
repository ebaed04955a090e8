import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { buildNodeOptions } from "../../../bench/build-command.ts";
import { GENERATOR_ROOT } from "../../../src/paths.ts";

const scripts = JSON.parse(fs.readFileSync(path.join(GENERATOR_ROOT, "package.json"), "utf8")).scripts as Record<string, string>;

describe("the Node options the bench times our build with", () => {
  it("are those of npm run build, which npm run check shares", () => {
    const options = buildNodeOptions();
    expect(scripts.build).toBe(["node", ...options, "bin/element-guides.mjs", "build"].join(" "));
    expect(scripts.check).toBe(["node", ...options, "bin/element-guides.mjs", "check"].join(" "));
  });

  it("are options this Node accepts", () => {
    const run = spawnSync(process.execPath, [...buildNodeOptions(), "-e", "0"], { encoding: "utf8" });
    expect(run.stderr).toBe("");
    expect(run.status).toBe(0);
  });
});
