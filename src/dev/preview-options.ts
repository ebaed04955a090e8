// The live preview's command line (`npm start -- ...`), read by whichever process runs the preview: serve.ts
// (`npm start`) or dev-server.ts (a restart after a change to the generator's code, and the tests).
import fs from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { isUrlPath } from "../config/site-values.ts";
import { previewOutput, type PreviewOutput } from "./preview-output.ts";

export const PREVIEW_USAGE = "Usage: npm start -- [--source DIR] [--out DIR] [--base /path/] [--port N] [--host ADDRESS] [--verbose]";

export interface PreviewOptions {
  sourceDir: string;
  /** `--base`: overrides `baseurl` of _config.yml. */
  base: string | undefined;
  host: string;
  port: number;
  /** Names each file as it is written (the tests read these lines). */
  verbose: boolean;
  /** The folder pages are written to; made here, so that a refused --out stops the preview before anything runs. */
  output: PreviewOutput;
}

/** The options in `args`; a refused option ends the process with exit code 2, having said why. */
export function previewOptions(args: string[]): PreviewOptions {
  let values: { source?: string; out?: string; base?: string; port?: string; host?: string; verbose?: boolean };
  try {
    ({ values } = parseArgs({
      args,
      options: {
        source: { type: "string" },
        out: { type: "string" },
        base: { type: "string" },
        port: { type: "string" },
        host: { type: "string" },
        verbose: { type: "boolean" },
      },
    }));
  } catch (error) {
    process.stderr.write(`${(error as Error).message}\n${PREVIEW_USAGE}\n`);
    process.exit(2);
  }
  const sourceDir = path.resolve(values.source ?? ".");
  // As `npm run build` refuses them: a mistyped folder would be previewed as an empty site.
  if (!fs.existsSync(sourceDir)) refuse(`the source folder ${JSON.stringify(values.source ?? ".")} does not exist.`);
  if (!fs.statSync(sourceDir).isDirectory()) refuse(`--source ${JSON.stringify(values.source)} is a file, not a folder.`);
  const port = Number(values.port ?? 8080);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    refuse(`--port ${JSON.stringify(values.port)} is not a port number (0 to 65535).`);
  }
  // As `npm run build` refuses it: the site's baseurl would be blamed on _config.yml on every page.
  if (values.base !== undefined && !isUrlPath(values.base)) refuse(`--base takes the path the site is served under, such as /guides/, not ${JSON.stringify(values.base)}.`);
  const output = previewOutput(values.out, sourceDir);
  if ("error" in output) refuse(output.error);
  return { sourceDir, base: values.base, host: values.host ?? "127.0.0.1", port, verbose: values.verbose ?? false, output };
}

function refuse(message: string): never {
  process.stderr.write(`Preview not started: ${message}\n`);
  process.exit(2);
}
