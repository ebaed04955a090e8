import { resolveInclude } from "../partial-files.ts";
import type { RenderState } from "../render-state.ts";
import { PartialTag } from "./partial-tag.ts";

/** Jekyll's `{% include path/file.md key="value" %}`, looked up in the `_includes` folders. */
export class IncludeTag extends PartialTag {
  protected resolve(state: RenderState, _currentFile: string, name: string): string {
    return resolveInclude(state.roots, name);
  }
}
