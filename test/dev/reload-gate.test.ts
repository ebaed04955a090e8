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

  it("do not wait for what a browser opened that is no page (llms.txt, a Markdown twin)", () => {
    const gate = new ReloadGate(10_000);
    const sent: string[] = [];
    const twin = gate.opened();
    gate.send(() => sent.push("save"));
    expect(sent).toEqual([]);
    twin.notAPage();
    expect(sent).toEqual(["save"]);
    gate.send(() => sent.push("next save"));
    expect(sent).toEqual(["save", "next save"]);
  });

  it("go out at once after the page opened last has connected, though one opened earlier never did", async () => {
    const gate = new ReloadGate(50);
    const sent: string[] = [];
    gate.opened(); // never connects
    await pause(80);
    gate.opened();
    gate.connected();
    gate.send(() => sent.push("save"));
    expect(sent).toEqual(["save"]);
    gate.close();
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
