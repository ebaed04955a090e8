// The list of shard bundles the search dialog merges into the site's own (issue 14).
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { writeShardList } from "../../../src/search/shard-list.ts";

const bundle = () => fs.mkdtempSync(path.join(os.tmpdir(), "element-guides-shards-"));
const read = (dir: string) => fs.readFileSync(path.join(dir, "shards.json"), "utf8");

describe("writeShardList", () => {
  it("writes the folders as a JSON array on one line, in the order given", () => {
    const dir = bundle();
    writeShardList(dir, ["shard-2/", "shard-3/", "shard-10/"]);
    expect(read(dir)).toBe('["shard-2/","shard-3/","shard-10/"]\n');
    expect(JSON.parse(read(dir))).toEqual(["shard-2/", "shard-3/", "shard-10/"]);
  });

  it("writes the same bytes for the same folders, and [] for none", () => {
    const [a, b] = [bundle(), bundle()];
    writeShardList(a, ["shard-2/", "nested/shard-3/"]);
    writeShardList(b, ["shard-2/", "nested/shard-3/"]);
    expect(read(a)).toBe(read(b));
    writeShardList(a, []);
    expect(read(a)).toBe("[]\n");
  });

  for (const folder of ["shard-2", "/shard-2/", "../shard-2/", "a/../b/", "./shard-2/", "a//b/", "https://cdn.test/x/", "a\\b/", ""]) {
    it(`refuses ${JSON.stringify(folder)}, which is not a folder below the bundle, and writes nothing`, () => {
      const dir = bundle();
      expect(() => writeShardList(dir, ["shard-2/", folder])).toThrow(`Shard bundle folder "${folder}" is not a folder below the search bundle`);
      expect(fs.existsSync(path.join(dir, "shards.json"))).toBe(false);
    });
  }
});
