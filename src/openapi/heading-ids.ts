import GithubSlugger, { slug } from "github-slugger";

/**
 * Heading ids for one element's reference: GitHub's slug rule, as for the guides' own headings, and unique
 * within the element (a repeat gets `-1`, `-2`). Tags and schemas carry a prefix so that they never take the id
 * an operation would have: operation ids are the ones guides link to.
 */
export class HeadingIds {
  private readonly slugger = new GithubSlugger();

  /** Also the name of the tag's page (src/reference/reference-urls.ts): cut to a length every file system takes. */
  tag(name: string): string {
    return this.slugger.slug(`tag-${withinBytes(name, MAX_TAG_BYTES)}`);
  }

  schema(name: string): string {
    return this.slugger.slug(`schema-${name}`);
  }

  /**
   * From the operationId, or from the method and the path's words: `GET /contacts/{id}` → `get-contacts-id`.
   * `wanted` is that slug before a repeat is numbered: when `id` differs, another heading already has it.
   */
  operation(operationId: string | undefined, method: string, path: string): { id: string; wanted: string } {
    // An operationId with no letter or digit (`🚀`) slugs to nothing, which no link can name: the path's words then.
    const named = operationId?.trim() && slug(operationId.trim()) !== "" ? operationId.trim() : undefined;
    const words = named ?? `${method} ${path}`.replace(/[/{}\s]+/g, " ").trim();
    return { id: this.slugger.slug(words), wanted: slug(words) };
  }
}

/** A tag page's name stays well below the 255 bytes of a file name, with room for `.html` and a `-12` repeat number. */
const MAX_TAG_BYTES = 200;

/** The longest start of `text` (whole characters) that takes at most `max` bytes in UTF-8. */
function withinBytes(text: string, max: number): string {
  if (Buffer.byteLength(text) <= max) return text;
  let bytes = 0;
  let end = 0;
  for (const char of text) {
    bytes += Buffer.byteLength(char);
    if (bytes > max) break;
    end += char.length;
  }
  return text.slice(0, end);
}
