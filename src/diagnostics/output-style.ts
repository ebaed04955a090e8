/** How a report is printed: chosen from the command line and the environment the command runs in. */
export type ReportFormat = "human" | "json" | "github";

/**
 * `--format json` wins; otherwise GitHub annotations inside GitHub Actions, else the human report.
 * An unknown `--format` value is refused by the caller.
 */
export function reportFormat(requested: string | undefined, env: NodeJS.ProcessEnv = process.env): ReportFormat {
  if (requested === "json" || requested === "github" || requested === "human") return requested;
  return env.GITHUB_ACTIONS === "true" ? "github" : "human";
}

export const FORMAT_NAMES = ["human", "json", "github"] as const;

/** Colour only for a person at a terminal: never in CI, never when piped, and never against NO_COLOR/FORCE_COLOR=0. */
export function useColor(stream: { isTTY?: boolean }, env: NodeJS.ProcessEnv = process.env): boolean {
  if (env.FORCE_COLOR !== undefined) return env.FORCE_COLOR !== "0" && env.FORCE_COLOR !== "false";
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== "") return false;
  if (env.CI === "true" || env.CI === "1") return false;
  return stream.isTTY === true;
}
