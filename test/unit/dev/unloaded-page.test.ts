// The address a broken page's `permalink:` line still gives is the one the page has once fixed, read as YAML and a
// loaded page's permalink are read; a line that cannot be read so gives none, and the page's error is at its file name.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { permalinkOfUnloaded } from "../../../src/dev/unloaded-page.ts";

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "eg-unloaded-"));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

function addressOf(text: string): string | undefined {
  fs.writeFileSync(path.join(dir, "page.md"), text);
  return permalinkOfUnloaded(dir, "page.md");
}

describe("the permalink of a page whose front matter does not load", () => {
  it("is read as YAML reads the line: quoted or plain, a ` #` comment after it, a # inside it", () => {
    const cases: Array<[string, string | undefined]> = [
      ["permalink: /guide/", "guide/index.html"],
      ["permalink: '/quoted/'", "quoted/index.html"],
      ['permalink: "/with space/"', "with space/index.html"],
      ["permalink: /with space/", "with space/index.html"],
      ["permalink: /a/ # a comment", "a/index.html"],
      ["permalink: /noslash", "noslash.html"],
      // A # inside the value is part of it, and makes an address no page can have (permalink-unusable).
      ["permalink: /c#-sdk/", undefined],
    ];
    for (const [line, address] of cases) expect([line, addressOf(`---\ntitle: [Broken\n${line}\n---\n\nText.\n`)]).toEqual([line, address]);
  });

  it("is cleaned as a loaded page's is: doubled slashes, . and .. go", () => {
    for (const [permalink, address] of [
      ["/guide//x/", "guide/x/index.html"],
      ["/./dotted/", "dotted/index.html"],
      ["/../../up/", "up/index.html"],
      ["/..%2Fkeep.html", "keep.html"],
    ]) {
      expect([permalink, addressOf(`---\ntitle: [Broken\npermalink: ${permalink}\n---\n`)]).toEqual([permalink, address]);
    }
  });

  it("is read after a byte order mark, as a page's (.html added), and not with placeholders or after the front matter", () => {
    expect(addressOf("\uFEFF---\ntitle: [Broken\npermalink: /bom/\n---\n")).toBe("bom/index.html");
    expect(addressOf("---\ntitle: [Broken\npermalink: /:title/\n---\n")).toBeUndefined();
    expect(addressOf("---\ntitle: [Broken\npermalink: /site.css\n---\n")).toBe("site.css.html");
    expect(addressOf("---\ntitle: [Broken\n---\n\npermalink: /body/\n")).toBeUndefined();
  });
});
