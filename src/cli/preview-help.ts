// What `npm start -- --help` says: the preview's options (src/dev/preview-options.ts), for serve.ts and dev-server.ts.
import { PREVIEW_USAGE } from "../dev/preview-options.ts";
import type { CommandHelp } from "./help.ts";

export const PREVIEW_HELP: CommandHelp = {
  usage: PREVIEW_USAGE,
  does: "Serves the site as you edit it: pages render when asked for, and a saved file shows in the open browser at once.",
  options: [
    ["--source DIR", "the site's folder, with _config.yml and docs/ (default: the current folder)"],
    ["--out DIR", "where pages are written while previewed, emptied as it starts (default: a temporary folder, removed at the end)"],
    ["--base /path/", "the path the site is served under, overriding baseurl: in _config.yml"],
    ["--port N", "the port to listen on (default: 8080, or the next free one)"],
    ["--host ADDRESS", "the address to listen on (default: 127.0.0.1; 0.0.0.0 to reach it from other machines)"],
    ["--verbose", "name each file as it is written"],
  ],
};
