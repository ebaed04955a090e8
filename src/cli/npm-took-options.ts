import type { CommandHelp } from "./help.ts";

/**
 * Options of ours that npm itself also has: a user's .npmrc may set them for npm, so their being set says nothing
 * of the command line.
 */
const NPM_HAS_TOO = new Set(["name", "key", "json"]);

/**
 * The options of the command that npm kept for itself: `npm run references --check`, without `--` before the
 * option, sets npm's own `check` (as the environment variable npm_config_check) and runs the command without it.
 * The command would then do what the option was meant to prevent (rewrite the references, build into _site/).
 */
export function optionsNpmTook(help: CommandHelp, env: NodeJS.ProcessEnv = process.env): string[] {
  if (env.npm_lifecycle_event === undefined) return [];
  return help.options
    .map(([option]) => /^\s*--([a-z][a-z-]*)/.exec(option)?.[1])
    .filter((name): name is string => name !== undefined && !NPM_HAS_TOO.has(name))
    .filter((name) => env[`npm_config_${name.replace(/-/g, "_")}`] !== undefined);
}
