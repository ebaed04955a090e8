import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { REPO_ROOT, runCli } from "../support/run-cli.ts";

const BIN = path.join(REPO_ROOT, "bin/element-guides.mjs");
// An empty folder to run in: a command that ignored --help would build or write there, and the test would see it.
const empty = fs.mkdtempSync(path.join(os.tmpdir(), "eg-help-"));
afterAll(() => fs.rmSync(empty, { recursive: true, force: true }));

function runBin(...args: string[]) {
  return spawnSync(process.execPath, [BIN, ...args], { cwd: empty, encoding: "utf8", env: { ...process.env, FORCE_COLOR: "0" } });
}

describe("element-guides --help", () => {
  it("lists the commands on stdout, and each one listed answers --help", async () => {
    const top = runBin("--help");
    expect(top.status).toBe(0);
    expect(top.stderr).toBe("");
    const listed = [...top.stdout.matchAll(/^ {2}(\S+) {2,}\S/gm)].map((match) => match[1]);
    expect(listed).toEqual(expect.arrayContaining(["build", "check", "serve", "new-element", "new-page", "references", "bench"]));
    for (const command of listed) {
      const help = await runCli(`${command}.ts`, ["--help"], {}, empty);
      expect(help.code, command).toBe(0);
      expect(help.stdout, command).toMatch(/^Usage: npm (run \S+|start) -- /);
      expect(help.stdout, command).toContain("-h, --help");
    }
    // So do the commands the bench and the preview run, and `help <command>`.
    for (const command of ["dev-server", "bench-floor", "bench-openapi"]) expect([command, runBin(command, "--help").status]).toEqual([command, 0]);
    expect(runBin("help", "build").stdout).toMatch(/^Usage: npm run build -- /);
    expect(fs.readdirSync(empty)).toEqual([]);
  });

  it("without a command, says what the commands are on stderr and exits 2; an unknown one points to --help", () => {
    const none = runBin();
    expect(none.status).toBe(2);
    expect(none.stderr).toContain("Commands:");
    const unknown = runBin("biuld");
    expect(unknown.status).toBe(2);
    expect(unknown.stderr).toContain('Unknown command "biuld"');
    expect(unknown.stderr).toContain("element-guides --help");
  });
});

describe("a command's --help", () => {
  it("explains every option of build, and is answered before the options are checked", async () => {
    const help = await runCli("build.ts", ["--out", "/nonexistent/x", "--bogus", "-h"], {}, empty);
    expect(help.code).toBe(0);
    expect(help.stderr).toBe("");
    for (const option of ["--source DIR", "--out DIR", "--base /path/", "--strict", "--format F", "--shard K/N", "--merge DIR..."]) {
      expect(help.stdout).toMatch(new RegExp(`^ {2}${option.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&")} +\\S`, "m"));
    }
    expect(fs.readdirSync(empty)).toEqual([]);
  });

  it("after `--` is an argument like any other, not a request for help", async () => {
    const build = await runCli("build.ts", ["--", "--help"], {}, empty);
    expect(build.code).toBe(2);
    expect(build.stdout).toBe("");
  });
});

describe("npm run references", () => {
  it("refuses a mistyped --check instead of rewriting the references", async () => {
    const typo = await runCli("references.ts", ["--chek"]);
    expect(typo.code).toBe(2);
    expect(typo.stderr).toContain("'--chek'");
    expect(typo.stdout).not.toContain("Wrote");
  });
});

describe("an option npm kept for itself (no -- before it)", () => {
  it("stops the command with how to pass it on, instead of running it without the option", async () => {
    // What `npm run references --check` and `npm run build --out x` hand the command: the option as npm's own setting.
    const references = await runCli("references.ts", [], { npm_lifecycle_event: "references", npm_config_check: "true" });
    expect(references.code).toBe(2);
    expect(references.stderr).toContain("npm kept --check for itself");
    expect(references.stderr).toContain("npm run references -- --check");
    expect(references.stdout).toBe("");
    const build = await runCli("build.ts", [], { npm_lifecycle_event: "build", npm_config_out: "true", npm_config_strict: "true" }, empty);
    expect(build.code).toBe(2);
    expect(build.stderr).toContain("npm kept --out --strict for itself");
    expect(fs.readdirSync(empty)).toEqual([]);
  });

  it("that left its value behind (npm run check --format json) gets the same hint with the usage error", async () => {
    const check = await runCli("check.ts", ["json"], { npm_lifecycle_event: "check" }, empty);
    expect(check.code).toBe(2);
    expect(check.stderr).toContain("hint: npm passes on only the options after --: npm run check -- --option value");
    const page = await runCli("new-page.ts", ["webhooks"], { npm_lifecycle_event: "new-page" }, empty);
    expect(page.stderr).toContain("hint: npm passes on only the options after --: npm run new-page -- --option value");
    expect(fs.readdirSync(empty)).toEqual([]);
    const outside = await runCli("check.ts", ["json"], { npm_lifecycle_event: "" }, empty);
    expect(outside.code).toBe(2);
    expect(outside.stderr).not.toContain("npm passes on");
  });

  it("is not looked for outside npm, nor for the options npm has too (a .npmrc may set them)", async () => {
    const { optionsNpmTook } = await import("../../src/cli/npm-took-options.ts");
    const help = { usage: "", does: "", options: [["--out DIR", ""], ["--key KEY", ""], ["--show-baselined", ""]] as const };
    expect(optionsNpmTook(help, { npm_config_out: "true" })).toEqual([]);
    expect(optionsNpmTook(help, { npm_lifecycle_event: "x", npm_config_key: "/k.pem", npm_config_show_baselined: "true" })).toEqual(["show-baselined"]);
  });
});
