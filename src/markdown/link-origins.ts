import type { SourcePosition } from "../diagnostics/diagnostic.ts";

/** A URL written in a page's content, and where the writer wrote it. Plain data: it crosses worker threads. */
export interface LinkOrigin {
  /** The attribute value as it appears in the page's HTML (entities decoded). */
  value: string;
  at: SourcePosition;
}
