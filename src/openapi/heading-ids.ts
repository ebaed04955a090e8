import GithubSlugger, { slug } from "github-slugger";

/**
 * Heading ids for one element's reference: GitHub's slug rule, as for the guides' own headings, and unique
 * within the element (a repeat gets `-1`, `-2`). Tags and schemas carry a prefix so that they never take the id
 * an operation would have: operation ids are the ones guides link to.
 */
export class HeadingIds {
  private readonly slugger = new GithubSlugger();

  tag(name: string): string {
    return this.slugger.slug(`tag-${name}`);
  }

  schema(name: string): string {
    return this.slugger.slug(`schema-${name}`);
  }

  /**
   * From the operationId, or from the method and the path's words: `GET /contacts/{id}` → `get-contacts-id`.
   * `wanted` is that slug before a repeat is numbered: when `id` differs, another heading already has it.
   */
  operation(operationId: string | undefined, method: string, path: string): { id: string; wanted: string } {
    const words = operationId?.trim() || `${method} ${path}`.replace(/[/{}\s]+/g, " ").trim();
    return { id: this.slugger.slug(words), wanted: slug(words) };
  }
}
