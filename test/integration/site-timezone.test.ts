// `timezone:` of _config.yml, as Jekyll applies it: posts get their dated URLs, and dates print, in that zone.
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { buildWithFiles } from "../support/built-tree.ts";
import { jekyllCompatConfig } from "../support/fixture-tree.ts";

const post = "---\ntitle: Late post\ndate: 2024-01-02 20:00:00 -0800\n---\n\nPosted {{ page.date }}.\n";

describe("timezone: of _config.yml", () => {
  it("dates posts in that zone: a post at 20:00 in California is on the 2nd in New York, not the 3rd as in UTC", async () => {
    const { out, result } = await buildWithFiles(
      { "_config.yml": `${jekyllCompatConfig()}\ntimezone: America/New_York\n`, "_posts/2024-01-02-late-post.md": post },
      { TZ: "UTC" },
    );
    expect(result.code, result.stderr).toBe(0);
    const written = fs.readdirSync(out, { recursive: true, encoding: "utf8" }).filter((file) => file.endsWith("late-post.html"));
    expect(written).toHaveLength(1);
    expect(written[0]).toContain("2024/01/02");
    expect(fs.readFileSync(path.join(out, written[0]), "utf8")).toContain("Posted 2024-01-02 23:00:00 -0500.");
  }, 120_000);

  it("that names no zone is an error at its line, and nothing is written", async () => {
    const lines = jekyllCompatConfig().split("\n").length;
    const { out, result } = await buildWithFiles({ "_config.yml": `${jekyllCompatConfig()}\ntimezone: Mars/Olympus\n`, "_posts/2024-01-02-late-post.md": post });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(`_config.yml:${lines + 1}: error config-value: timezone: "Mars/Olympus" is no time zone.`);
    expect(fs.existsSync(out)).toBe(false);
  }, 120_000);

  it("leaves a date without a time on its day, as Jekyll prints one, however far west the zone", async () => {
    const { out, result } = await buildWithFiles({
      "_config.yml": `${jekyllCompatConfig()}\ntimezone: America/Los_Angeles\n`,
      "docs/updated.md": '---\ntitle: Updated\nlast_updated: 2024-06-01\n---\n\nOn {{ page.last_updated | date: "%B %-d, %Y" }}, {{ page.last_updated | date_to_string }}, {{ page.last_updated }}.\n',
    });
    expect(result.code, result.stderr).toBe(0);
    expect(fs.readFileSync(path.join(out, "docs/updated.html"), "utf8")).toContain("On June 1, 2024, 01 Jun 2024, 2024-06-01.");
  }, 120_000);

  it("reads a day held as text (CSV, JSON, quoted YAML) as that day, and a time with its offset in that offset for date:, in the site's zone for date_to_*", async () => {
    const { out, result } = await buildWithFiles({
      "_config.yml": `${jekyllCompatConfig()}\ntimezone: America/New_York\n`,
      "_data/versions.csv": "version,released\n2.4,2024-02-01\n",
      "docs/released.md":
        '---\ntitle: Released\nshipped: "2024-03-01"\ncall: 2024-03-05T02:00:00+09:00\nutc: 2024-03-05T02:00:00Z\n---\n\n' +
        '{% for v in site.data.versions %}{{ v.version }} on {{ v.released | date: "%b %-d, %Y" }}.{% endfor %}\n' +
        'Shipped {{ page.shipped | date_to_long_string }}, {{ page.shipped | date: "%F" }}.\n' +
        'Call at {{ "2024-03-01 10:00:00 -0800" | date: "%R %z" }}; {{ "2024-03-12 03:30" | date: "%D %T, 100%%F" }}.\n' +
        'Delhi: {{ "2024-02-01T02:00:00+05:30" | date_to_string }}, {{ "2024-02-01T02:00:00+05:30" | date_to_xmlschema }}.\n' +
        'Tokyo: {{ page.call }}, {{ page.call | date: "%H:%M %z" }}, {{ page.call | date_to_xmlschema }}; {{ page.utc }}.\n',
    }, { TZ: "UTC" });
    expect(result.code, result.stderr).toBe(0);
    const html = fs.readFileSync(path.join(out, "docs/released.html"), "utf8");
    expect(html).toContain("2.4 on Feb 1, 2024.");
    expect(html).toContain("Shipped 01 March 2024, 2024-03-01.");
    expect(html).toContain("Call at 10:00 -0800; 03/12/24 03:30:00, 100%F.");
    expect(html).toContain("Delhi: 31 Jan 2024, 2024-01-31T15:30:00-05:00.");
    // A YAML time keeps the zone it was written in, as Psych keeps it; date_to_* show it in the site's.
    expect(html).toContain("Tokyo: 2024-03-05 02:00:00 +0900, 02:00 +0900, 2024-03-04T12:00:00-05:00; 2024-03-05 02:00:00 UTC.");
  }, 120_000);
});
