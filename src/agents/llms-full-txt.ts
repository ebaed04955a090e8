import fs from "node:fs";
import yaml from "js-yaml";

/** One page of llms-full.txt: where it is read, and its Markdown twin, read when its turn comes. */
export interface FullEntry {
  url: string;
  twin: () => string;
}

/**
 * `/llms-full.txt`: the site's name and summary, then every page's Markdown twin in llms.txt's order, each
 * opening with its front matter (`url:` added, so that an agent can cite the page). Yielded piece by piece, so
 * that the file can be written without holding the whole site's text (src/agents/agent-files.ts).
 */
export function* llmsFullParts(site: { title: string; description: string }, entries: Iterable<FullEntry>): Generator<string> {
  const summary = site.description.replace(/\s+/g, " ").trim();
  yield `# ${site.title.replace(/\s+/g, " ").trim() || "Documentation"}\n${summary ? `\n> ${summary}\n` : ""}`;
  for (const entry of entries) yield `\n${withUrl(entry.twin(), entry.url)}`;
}

/** Writes the parts into `file` one at a time. */
export function writeParts(file: string, parts: Iterable<string>): void {
  const fd = fs.openSync(file, "w");
  try {
    for (const part of parts) fs.writeSync(fd, part);
  } finally {
    fs.closeSync(fd);
  }
}

function withUrl(twin: string, url: string): string {
  const line = yaml.dump({ url }, { lineWidth: -1 });
  return twin.startsWith("---\n") ? `---\n${line}${twin.slice(4)}` : `---\n${line}---\n\n${twin}`;
}
