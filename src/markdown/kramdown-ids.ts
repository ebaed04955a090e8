/**
 * Heading ids as kramdown makes them with its own input (`kramdown: input: kramdown`; Jekyll's default input, GFM,
 * makes GitHub's): leading characters up to the first letter go, then every character but ASCII letters, digits,
 * spaces and hyphens; spaces become hyphens, all lowercase; an empty id is `section`, and a repeat gets `-1`, `-2`.
 * `## 1. Install` is `install`, `## Café & Crème` is `caf--crme`.
 */
export class KramdownIds {
  private readonly used = new Map<string, number>();

  slug(text: string): string {
    const id = text.replace(/^[^a-zA-Z]+/, "").replace(/[^a-zA-Z0-9 -]/g, "").replace(/ /g, "-").toLowerCase() || "section";
    const times = this.used.get(id);
    this.used.set(id, (times ?? -1) + 1);
    return times === undefined ? id : `${id}-${times + 1}`;
  }
}
