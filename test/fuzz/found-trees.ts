// Trees on which the fuzz test once found a bug, shrunk by fast-check: every run builds them first, so the bug
// stays fixed whatever the seed.
import type { TreeSpec } from "./tree-spec.ts";

export const FOUND_TREES: TreeSpec[] = [
  // A page that includes itself and links anywhere: the include recursed until the stack overflowed, every level's
  // output was kept, and placing its links took half a minute (with three links, minutes and then the whole heap).
  // Now the include stops 100 deep with a liquid-error (src/liquid/tags/partial-tag.ts).
  {
    files: [
      {
        path: "docs/a.md",
        content: {
          kind: "markdown",
          front: { kind: "keys", entries: [["title", '"A"'], ["layout", "none"]] },
          body: [{ kind: "link", to: { kind: "page", index: 0 } }, { kind: "include-relative", to: { kind: "existing", index: 0 } }],
        },
        encoding: "utf8",
      },
    ],
    links: [],
    alsoCheck: true,
  },
];
