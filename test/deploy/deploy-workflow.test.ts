// The deploy workflow (issue 14, "The engine"): SHARDS = 1 tests, builds and deploys on one machine as before;
// SHARDS = N > 1 builds N shards at once and one job tests, merges and deploys. The workflow file is run here job
// by job (support/workflow-run.ts): its `if:`s, matrix and scripts for real, npm and the actions stubbed.
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { REPO_ROOT } from "../support/run-cli.ts";
import { readWorkflow, runWorkflow, type JobRun, type StepRun, type Workflow, type WorkflowRun } from "./support/workflow-run.ts";

const WORKFLOW_FILE = path.join(REPO_ROOT, ".github/workflows/deploy.yml");
/** What actions/configure-pages reports for a project site. */
const PAGES_BASE_PATH = "/element-guides";
const BASE = `${PAGES_BASE_PATH}/`;

function workflowWith(shards: string): Workflow {
  const workflow = readWorkflow(WORKFLOW_FILE);
  workflow.env = { ...workflow.env, SHARDS: shards };
  return workflow;
}

function run(shards: string, failingJobs: string[] = []): WorkflowRun {
  return runWorkflow(workflowWith(shards), { actionOutputs: { "actions/configure-pages": { base_path: PAGES_BASE_PATH } }, failingJobs });
}

const runsOf = (result: WorkflowRun, job: string): JobRun[] => result.runs.filter((r) => r.job === job);

/** The npm commands a job ran, each as its argument list. */
function npmCalls(job: JobRun): string[][] {
  return job.steps.flatMap((s) => s.commands).filter((c) => c[0] === "npm").map((c) => c.slice(1));
}

/** The steps of an action that ran, with their inputs. */
function actionSteps(job: JobRun, action: string): StepRun[] {
  return job.steps.filter((s) => s.outcome === "success" && s.step.uses?.replace(/@.*$/, "") === action);
}

function only<T>(items: T[]): T {
  expect(items).toHaveLength(1);
  return items[0];
}

/** The value after `option` in a command's arguments. */
function optionValue(args: string[], option: string): string | undefined {
  const at = args.indexOf(option);
  return at === -1 ? undefined : args[at + 1];
}

/** The build command among a job's npm calls (`npm run build -- ...`), as its arguments after `--`. */
function buildArgs(job: JobRun): string[] {
  return only(npmCalls(job).filter((c) => c[0] === "run" && c[1] === "build")).slice(3);
}

/** A download-artifact pattern (`*` and `?` only, as in deploy.yml) matched against a name. */
function matchesPattern(pattern: string, name: string): boolean {
  const source = pattern.replace(/[.+^${}()|[\]\\]/g, "\\$&").replace(/\*/g, ".*").replace(/\?/g, ".");
  return new RegExp(`^${source}$`).test(name);
}

describe("deploy workflow: the number of machines", () => {
  it("is written once, at the top of the file, and only the plan job reads it", () => {
    const text = readWorkflow(WORKFLOW_FILE);
    expect(text.env?.SHARDS, "workflow-level env: SHARDS").toBeDefined();
    for (const [id, job] of Object.entries(text.jobs)) {
      const mentions = JSON.stringify(job).includes("SHARDS");
      expect(mentions, `job ${id} mentions SHARDS`).toBe(id === "plan");
    }
  });

  it.each(["0", "two", "257", "1.5"])("SHARDS: %s stops the run at the plan, naming the value", (shards) => {
    const result = run(shards);
    expect(result.results.plan).toBe("failure");
    const planOutput = runsOf(result, "plan")[0].steps.map((s) => s.output).join("");
    expect(planOutput).toContain(`SHARDS is '${shards}'`);
    for (const [job, outcome] of Object.entries(result.results)) if (job !== "plan") expect(outcome, job).toBe("skipped");
  });
});

describe("deploy workflow with SHARDS: 1 (one machine, as before)", () => {
  let result: WorkflowRun;
  beforeAll(() => {
    result = run("1");
  });
  const build = () => only(runsOf(result, "build"));

  it("runs plan, build and deploy, and no shard job", () => {
    expect(result.results).toEqual({ plan: "success", shard: "skipped", build: "success", deploy: "success" });
  });

  it("installs, tests with Chromium, then builds the whole site under the Pages base path", () => {
    expect(npmCalls(build())).toEqual([["ci"], ["test"], ["run", "build", "--", "--base", BASE]]);
    const commands = build().steps.flatMap((s) => s.commands).map((c) => c.join(" "));
    const install = commands.findIndex((c) => c.startsWith("apt-get install") && c.includes("chromium") && c.includes("fonts-nanum"));
    expect(install).toBeGreaterThanOrEqual(0);
    expect(install).toBeLessThan(commands.indexOf("npm test"));
    expect(only(actionSteps(build(), "actions/checkout")).inputs["fetch-depth"]).toBe("0");
  });

  it("keeps the highlight cache between runs and uploads _site for Pages", () => {
    const restored = only(actionSteps(build(), "actions/cache/restore")).inputs;
    const saved = only(actionSteps(build(), "actions/cache/save")).inputs;
    expect(saved.key).toBe(restored.key);
    expect(restored.key.startsWith(restored["restore-keys"])).toBe(true);
    expect(saved.path).toBe(".cache/highlight");
    expect(only(actionSteps(build(), "actions/upload-pages-artifact")).inputs.path).toBe("_site");
    expect(actionSteps(build(), "actions/download-artifact")).toEqual([]);
  });

  it("deploys nothing when the build fails", () => {
    expect(run("1", ["build"]).results.deploy).toBe("skipped");
  });
});

describe("deploy workflow with SHARDS: 3 (a matrix)", () => {
  let result: WorkflowRun;
  beforeAll(() => {
    result = run("3");
  });
  const shards = () => runsOf(result, "shard");
  const merge = () => only(runsOf(result, "build"));

  it("runs the plan, three shard jobs, the merge and the deploy", () => {
    expect(result.results).toEqual({ plan: "success", shard: "success", build: "success", deploy: "success" });
    expect(shards().map((s) => s.matrix.shard)).toEqual([1, 2, 3]);
    expect(result.runs.filter((r) => r.job === "build" || r.job === "deploy")).toHaveLength(2);
  });

  it("builds shard K of 3 in each shard job, from the whole history, under the base the merge uses", () => {
    for (const [index, shard] of shards().entries()) {
      expect(only(actionSteps(shard, "actions/checkout")).inputs["fetch-depth"]).toBe("0");
      expect(npmCalls(shard)[0]).toEqual(["ci"]);
      const args = buildArgs(shard);
      expect(optionValue(args, "--shard")).toBe(`${index + 1}/3`);
      expect(optionValue(args, "--base")).toBe(BASE);
      expect(optionValue(buildArgs(merge()), "--base")).toBe(optionValue(args, "--base"));
    }
  });

  it("uploads each shard's folder as an artifact of its own, dot files included, kept briefly", () => {
    const names = new Set<string>();
    for (const shard of shards()) {
      const upload = only(actionSteps(shard, "actions/upload-artifact"));
      expect(upload.step.uses).toBe("actions/upload-artifact@v4");
      expect(upload.inputs.path).toBe(optionValue(buildArgs(shard), "--out"));
      expect(upload.inputs["include-hidden-files"]).toBe("true");
      expect(Number(upload.inputs["retention-days"])).toBeLessThanOrEqual(3);
      names.add(upload.inputs.name);
    }
    expect(names.size).toBe(3);
  });

  it("tests, downloads every shard into the folder its shard job wrote, and merges them all into _site", () => {
    const download = only(actionSteps(merge(), "actions/download-artifact"));
    expect(download.step.uses).toBe("actions/download-artifact@v4");
    expect(download.inputs["merge-multiple"]).toBe("false");
    expect(matchesPattern(download.inputs.pattern, "github-pages")).toBe(false);
    const downloaded = shards().map((shard) => {
      const name = only(actionSteps(shard, "actions/upload-artifact")).inputs.name;
      expect(matchesPattern(download.inputs.pattern, name), name).toBe(true);
      // With merge-multiple false, each artifact lands in a folder of its name under `path`.
      const folder = path.posix.join(download.inputs.path, name);
      expect(folder).toBe(path.posix.normalize(optionValue(buildArgs(shard), "--out") ?? ""));
      return folder;
    });
    const calls = npmCalls(merge());
    expect(calls.slice(0, 2)).toEqual([["ci"], ["test"]]);
    const args = buildArgs(merge());
    expect(args.slice(args.indexOf("--merge") + 1, args.indexOf("--merge") + 4)).toEqual(downloaded);
    expect(optionValue(args, "--out")).toBe("_site");
    expect(args).not.toContain("--shard");
    expect(only(actionSteps(merge(), "actions/upload-pages-artifact")).inputs.path).toBe("_site");
  });

  it("leaves the highlight cache to the shards: the merge highlights nothing", () => {
    expect(actionSteps(merge(), "actions/cache/restore")).toEqual([]);
    expect(actionSteps(merge(), "actions/cache/save")).toEqual([]);
  });

  it("merges and deploys nothing when a shard fails", () => {
    const failed = run("3", ["shard"]);
    expect(failed.results).toMatchObject({ shard: "failure", build: "skipped", deploy: "skipped" });
  });
});

describe("deploy workflow: highlight caches per shard", () => {
  // 12 shards, so that shard 1's keys meet shard 11's and 12's.
  let caches: { restore: Record<string, string>; save: Record<string, string> }[];
  let siteRestore: Record<string, string>;
  beforeAll(() => {
    caches = runsOf(run("12"), "shard").map((shard) => ({
      restore: only(actionSteps(shard, "actions/cache/restore")).inputs,
      save: only(actionSteps(shard, "actions/cache/save")).inputs,
    }));
    siteRestore = only(actionSteps(only(runsOf(run("1"), "build")), "actions/cache/restore")).inputs;
  });

  it("saves each shard under a key of its own, and restores it by a prefix no other shard's key starts with", () => {
    expect(caches).toHaveLength(12);
    expect(new Set(caches.map((c) => c.save.key)).size).toBe(12);
    for (const [index, { restore, save }] of caches.entries()) {
      expect(save.key).toBe(restore.key);
      expect(save.path).toBe(".cache/highlight");
      const ownPrefix = restore["restore-keys"].split("\n")[0];
      expect(ownPrefix).toContain(String(index + 1));
      expect(restore.key.startsWith(ownPrefix)).toBe(true);
      const others = caches.filter((_, i) => i !== index).map((c) => c.save.key);
      expect(others.filter((key) => key.startsWith(ownPrefix)), `shard ${index + 1}'s prefix ${ownPrefix}`).toEqual([]);
    }
  });

  it("keeps the one-machine cache apart: its prefix takes no shard's partial cache", () => {
    for (const { save } of caches) expect(save.key.startsWith(siteRestore["restore-keys"])).toBe(false);
  });
});
