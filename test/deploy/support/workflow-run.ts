// Runs a GitHub Actions workflow file the way the runner schedules it, on this machine and without the cloud:
// jobs in the order of their `needs`, each `if:` evaluated (with the runner's implicit `success()`, which is false
// when any job up the `needs` chain was skipped or failed), matrices expanded, and every `run:` script executed by
// bash in a fresh folder per job, with `npm`, `git` and `apt-get` replaced by stubs that record their arguments.
// Actions (`uses:`) are not run: their inputs are recorded and their outputs come from the caller.
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import yaml from "js-yaml";
import { conditionHolds, interpolate, interpolateText, type Scope, type StatusFunctions, type Value } from "./workflow-expressions.ts";

type Scalar = string | number | boolean;

export interface WorkflowStep {
  id?: string;
  name?: string;
  if?: string;
  uses?: string;
  run?: string;
  shell?: string;
  with?: Record<string, Scalar>;
  env?: Record<string, Scalar>;
}

export interface WorkflowJob {
  name?: string;
  needs?: string | string[];
  if?: string;
  env?: Record<string, Scalar>;
  outputs?: Record<string, string>;
  strategy?: { "fail-fast"?: boolean; matrix?: string | Record<string, unknown> };
  steps: WorkflowStep[];
  [key: string]: unknown;
}

export interface Workflow {
  env?: Record<string, Scalar>;
  defaults?: { run?: { shell?: string } };
  jobs: Record<string, WorkflowJob>;
  [key: string]: unknown;
}

export type JobResult = "success" | "failure" | "skipped";

export interface StepRun {
  step: WorkflowStep;
  outcome: "success" | "failure" | "skipped";
  /** The action's inputs after interpolation (`uses:` steps). */
  inputs: Record<string, string>;
  /** Commands the step's script ran through the stubs, each as [command, ...arguments]. */
  commands: string[][];
  /** What the script printed (stdout and stderr). */
  output: string;
}

export interface JobRun {
  job: string;
  matrix: Record<string, Value>;
  steps: StepRun[];
}

export interface WorkflowRun {
  results: Record<string, JobResult>;
  runs: JobRun[];
}

export interface RunOptions {
  /** Outputs of actions, by name without version (`actions/configure-pages`). */
  actionOutputs?: Record<string, Record<string, string>>;
  /** Jobs that fail after their steps ran, as a broken shard would. */
  failingJobs?: string[];
}

const STUBBED_COMMANDS = ["npm", "npx", "git", "apt-get"];

export function readWorkflow(file: string): Workflow {
  return yaml.load(fs.readFileSync(file, "utf8")) as Workflow;
}

export function needsOf(job: WorkflowJob): string[] {
  return job.needs === undefined ? [] : typeof job.needs === "string" ? [job.needs] : job.needs;
}

function ancestorsOf(jobs: Record<string, WorkflowJob>, id: string, seen = new Set<string>()): Set<string> {
  for (const need of needsOf(jobs[id])) {
    if (!seen.has(need)) {
      seen.add(need);
      ancestorsOf(jobs, need, seen);
    }
  }
  return seen;
}

function inOrder(jobs: Record<string, WorkflowJob>): string[] {
  const order: string[] = [];
  const visit = (id: string): void => {
    if (order.includes(id)) return;
    if (!jobs[id]) throw new Error(`a job needs "${id}", which the workflow does not define`);
    needsOf(jobs[id]).forEach(visit);
    order.push(id);
  };
  Object.keys(jobs).forEach(visit);
  return order;
}

function statusFunctions(succeeded: () => boolean, failed: () => boolean): StatusFunctions {
  return { success: succeeded, failure: failed, cancelled: () => false, always: () => true };
}

function matrixCombinations(job: WorkflowJob, scope: Scope): Record<string, Value>[] {
  const declared = job.strategy?.matrix;
  if (declared === undefined) return [{}];
  const matrix = (typeof declared === "string" ? interpolate(declared, scope) : declared) as Record<string, unknown>;
  let combinations: Record<string, Value>[] = [{}];
  for (const [key, raw] of Object.entries(matrix)) {
    const values = (typeof raw === "string" ? interpolate(raw, scope) : raw) as Value;
    if (!Array.isArray(values)) throw new Error(`matrix.${key} is not a list: ${JSON.stringify(values)}`);
    combinations = combinations.flatMap((combo) => values.map((v) => ({ ...combo, [key]: v })));
  }
  return combinations;
}

function textMap(map: Record<string, Scalar> | undefined, scope: Scope): Record<string, string> {
  return Object.fromEntries(Object.entries(map ?? {}).map(([k, v]) => [k, interpolateText(v, scope)]));
}

function writeStubs(dir: string, callsFile: string): void {
  for (const command of STUBBED_COMMANDS) {
    const stub = path.join(dir, command);
    // One line per call: the command and its arguments, tab-separated.
    fs.writeFileSync(stub, `#!/bin/bash\n{ printf '%s' "${command}"; printf '\\t%s' "$@"; printf '\\n'; } >> "${callsFile}"\n`);
    fs.chmodSync(stub, 0o755);
  }
}

function readOutputs(file: string): Record<string, string> {
  if (!fs.existsSync(file)) return {};
  const pairs = fs.readFileSync(file, "utf8").split("\n").filter((line) => line.includes("="));
  return Object.fromEntries(pairs.map((line) => [line.slice(0, line.indexOf("=")), line.slice(line.indexOf("=") + 1)]));
}

function runScript(script: string, env: Record<string, string>, workspace: string): { ok: boolean; commands: string[][]; output: string; outputs: Record<string, string> } {
  const scratch = fs.mkdtempSync(path.join(os.tmpdir(), "workflow-step-"));
  const calls = path.join(scratch, "calls.tsv");
  const outputFile = path.join(scratch, "output");
  const bin = path.join(scratch, "bin");
  fs.mkdirSync(bin);
  writeStubs(bin, calls);
  const scriptFile = path.join(scratch, "script.sh");
  fs.writeFileSync(scriptFile, script);
  const result = spawnSync("bash", ["--noprofile", "--norc", "-eo", "pipefail", scriptFile], {
    cwd: workspace,
    encoding: "utf8",
    timeout: 10_000,
    env: { ...env, PATH: `${bin}:${process.env.PATH}`, HOME: scratch, GITHUB_OUTPUT: outputFile, GITHUB_WORKSPACE: workspace },
  });
  const commands = fs.existsSync(calls) ? fs.readFileSync(calls, "utf8").trimEnd().split("\n").filter(Boolean).map((l) => l.split("\t")) : [];
  const outputs = readOutputs(outputFile);
  fs.rmSync(scratch, { recursive: true, force: true });
  return { ok: result.status === 0, commands, output: `${result.stdout}${result.stderr}`, outputs };
}

function runJob(workflow: Workflow, id: string, matrix: Record<string, Value>, needs: Record<string, Value>, options: RunOptions): { run: JobRun; ok: boolean; outputs: Record<string, string> } {
  const job = workflow.jobs[id];
  const workspace = fs.mkdtempSync(path.join(os.tmpdir(), "workflow-job-"));
  const github: Value = { run_id: "4242", run_attempt: "1", workspace };
  const steps: Record<string, Value> = {};
  const jobScope: Scope = { contexts: { github, needs, matrix }, status: statusFunctions(() => true, () => false) };
  const env = { ...textMap(workflow.env, jobScope), ...textMap(job.env, jobScope) };
  const runs: StepRun[] = [];
  let failed = false;
  for (const step of job.steps) {
    const scope: Scope = { contexts: { github, needs, matrix, steps, env }, status: statusFunctions(() => !failed, () => failed) };
    const record: StepRun = { step, outcome: "skipped", inputs: {}, commands: [], output: "" };
    runs.push(record);
    let outputs: Record<string, string> = {};
    if (conditionHolds(step.if, scope)) {
      record.inputs = textMap(step.with, scope);
      if (step.run !== undefined) {
        const stepEnv = { ...env, ...textMap(step.env, scope) };
        const result = runScript(interpolateText(step.run, scope), stepEnv, workspace);
        Object.assign(record, { commands: result.commands, output: result.output, outcome: result.ok ? "success" : "failure" });
        outputs = result.outputs;
      } else {
        record.outcome = "success";
        outputs = options.actionOutputs?.[String(step.uses).replace(/@.*$/, "")] ?? {};
      }
      failed ||= record.outcome === "failure";
    }
    if (step.id) steps[step.id] = { outcome: record.outcome, conclusion: record.outcome, outputs };
  }
  const outputScope: Scope = { contexts: { github, needs, matrix, steps, env }, status: statusFunctions(() => !failed, () => failed) };
  fs.rmSync(workspace, { recursive: true, force: true });
  // A failed job's outputs are left unset: the jobs that need it do not run.
  return { run: { job: id, matrix, steps: runs }, ok: !failed, outputs: failed ? {} : textMap(job.outputs, outputScope) };
}

/** Runs every job the workflow would run, and tells each job's result. */
export function runWorkflow(workflow: Workflow, options: RunOptions = {}): WorkflowRun {
  const results: Record<string, JobResult> = {};
  const outputs: Record<string, Record<string, string>> = {};
  const runs: JobRun[] = [];
  for (const id of inOrder(workflow.jobs)) {
    const job = workflow.jobs[id];
    const needs: Record<string, Value> = Object.fromEntries(needsOf(job).map((n) => [n, { result: results[n], outputs: outputs[n] }]));
    const ancestors = [...ancestorsOf(workflow.jobs, id)];
    const scope: Scope = {
      contexts: { github: { run_id: "4242", run_attempt: "1" }, needs },
      status: statusFunctions(() => ancestors.every((a) => results[a] === "success"), () => ancestors.some((a) => results[a] === "failure")),
    };
    outputs[id] = {};
    if (!conditionHolds(job.if, scope)) {
      results[id] = "skipped";
      continue;
    }
    let ok = true;
    for (const matrix of matrixCombinations(job, scope)) {
      const jobRun = runJob(workflow, id, matrix, needs, options);
      runs.push(jobRun.run);
      Object.assign(outputs[id], jobRun.outputs);
      ok &&= jobRun.ok;
    }
    results[id] = ok && !options.failingJobs?.includes(id) ? "success" : "failure";
  }
  return { results, runs };
}
