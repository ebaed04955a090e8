// When the preview tells browsers to reload (src/dev/reload-gate.ts): at once, unless a page a browser is opening
// has not connected yet; then once it has, or after a while when it never does.
import { describe, expect, it } from "vitest";
import { ReloadGate } from "../../src/dev/reload-gate.ts";

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe("the preview's reloads", () => {
  it("go out at once while no page is opening", () => {
    const gate = new ReloadGate(100);
    const sent: string[] = [];
    gate.send(() => sent.push("save"));
    expect(sent).toEqual(["save"]);
  });

  it("wait for every page being opened to connect, then go out in order", () => {
    const gate = new ReloadGate(10_000);
    const sent: string[] = [];
    gate.opened();
    gate.opened();
    gate.send(() => sent.push("first save"));
    gate.send(() => sent.push("second save"));
    gate.connected();
    expect(sent).toEqual([]);
    gate.connected();
    expect(sent).toEqual(["first save", "second save"]);
    gate.close();
  });

  it("go out after the wait when a page never connects (a download), and do not wait for it again", async () => {
    const gate = new ReloadGate(60);
    const sent: string[] = [];
    gate.opened();
    gate.send(() => sent.push("held"));
    await pause(20);
    expect(sent).toEqual([]);
    await pause(80);
    expect(sent).toEqual(["held"]);
    gate.send(() => sent.push("later"));
    expect(sent).toEqual(["held", "later"]);
  });

  it("are dropped once the preview stops", async () => {
    const gate = new ReloadGate(30);
    const sent: string[] = [];
    gate.opened();
    gate.send(() => sent.push("held"));
    gate.close();
    await pause(60);
    expect(sent).toEqual([]);
  });
});
