// The reference's heading ids are what guides link to, and a tag's id names its page's file.
import { describe, expect, it } from "vitest";
import { HeadingIds } from "../../../src/openapi/heading-ids.ts";

describe("HeadingIds", () => {
  it("gives an operation whose operationId has no letter or digit the id of its method and path, not an empty one", () => {
    const ids = new HeadingIds();
    expect(ids.operation("🚀", "get", "/dash").id).toBe("get-dash");
    expect(ids.operation("🔥", "put", "/dash").id).toBe("put-dash");
    expect(ids.operation("listContacts", "get", "/contacts").id).toBe("listcontacts");
  });

  it("keeps a long tag's id, which names its page's file, within what a file name may take, and unique", () => {
    const ids = new HeadingIds();
    const long = `Contacts ${"a".repeat(300)}`;
    const [first, second] = [ids.tag(long), ids.tag(`${long}b`)];
    expect(Buffer.byteLength(`${first}.html`)).toBeLessThanOrEqual(255);
    expect(second).toBe(`${first}-1`);
    expect(Buffer.byteLength(ids.tag("联系人".repeat(90)))).toBeLessThanOrEqual(210);
    expect(ids.tag("Contacts")).toBe("tag-contacts");
  });
});
