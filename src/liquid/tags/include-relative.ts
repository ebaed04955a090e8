import { resolveRelative } from "../partial-files.ts";
import type { RenderState } from "../render-state.ts";
import { PartialTag } from "./partial-tag.ts";

/** Jekyll's `{% include_relative x.md %}`, relative to the folder of the file that contains the tag. */
export class IncludeRelativeTag extends PartialTag {
  protected resolve(state: RenderState, currentFile: string, name: string): string {
    return resolveRelative(state.roots, currentFile, name);
  }
}
