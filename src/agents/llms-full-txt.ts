import fs from "node:fs";
import { yamlLines } from "../text/yaml-lines.ts";

/**
 * One page of llms-full.txt: where it is read, and its Markdown twin, read when its turn comes (as bytes when it is
 * read from disk: it is written out as it is, never decoded).
 */
export interface FullEntry {
  url: string;
  twin: () => string | Buffer;
}

/**
 * `/llms-full.txt`: the site's name and summary, then every page's Markdown twin in llms.txt's order, each
 * opening with its front matter (`url:` added, so that an agent can cite the page). Yielded piece by piece, so
 * that the file can be written without holding the whole site's text (src/agents/agent-files.ts).
 */
export function* llmsFullParts(site: { title: string; description: string }, entries: Iterable<FullEntry>): Generator<string | Buffer> {
  const summary = site.description.replace(/\s+/g, " ").trim();
  yield `# ${site.title.replace(/\s+/g, " ").trim() || "Documentation"}\n${summary ? `\n> ${summary}\n` : ""}`;
  for (const entry of entries) yield* withUrl(entry.twin(), entry.url);
}

/** Writes the parts into `file` a megabyte or so at a time (a part is often a line or two), without copying them. */
export function writeParts(file: string, parts: Iterable<string | Buffer>): void {
  const fd = fs.openSync(file, "w");
  try {
    let held: Buffer[] = [];
    let size = 0;
    const flush = () => {
      const written = fs.writevSync(fd, held);
      // A file takes the whole write at once; should it not, the rest follows.
      if (written < size) fs.writeSync(fd, Buffer.concat(held, size).subarray(written));
      held = [];
      size = 0;
    };
    for (const part of parts) {
      const bytes = typeof part === "string" ? Buffer.from(part) : part;
      held.push(bytes);
      size += bytes.length;
      if (size >= 1 << 20 || held.length >= MAX_PIECES) flush();
    }
    if (size) flush();
  } finally {
    fs.closeSync(fd);
  }
}

/** Pieces per write: the system takes at most 1,024 (IOV_MAX). */
const MAX_PIECES = 1000;


/** A blank line, then the twin with `url:` first in its front matter (front matter made for it when it has none). */
function* withUrl(twin: string | Buffer, url: string): Generator<string | Buffer> {
  const line = yamlLines({ url });
  // Byte by byte: Buffer.equals cost 134 ms over 20,000 twins.
  const opens = typeof twin === "string" ? twin.startsWith("---\n") : twin[0] === 45 && twin[1] === 45 && twin[2] === 45 && twin[3] === 10;
  if (!opens) {
    yield `\n---\n${line}---\n\n`;
    yield twin;
    return;
  }
  yield `\n---\n${line}`;
  yield typeof twin === "string" ? twin.slice(4) : twin.subarray(4);
}
