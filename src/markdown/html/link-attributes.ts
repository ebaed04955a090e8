/** Attributes that make the browser fetch or navigate to a URL, by element. */
const LINK_ATTRIBUTES: Readonly<Record<string, readonly string[]>> = {
  a: ["href"],
  area: ["href"],
  link: ["href"],
  img: ["src", "srcset"],
  source: ["src", "srcset"],
  script: ["src"],
  iframe: ["src"],
  video: ["src", "poster"],
  audio: ["src"],
  track: ["src"],
  embed: ["src"],
};

/** Every attribute name that is a link on some element. */
export const LINK_ATTRIBUTE_NAMES: ReadonlySet<string> = new Set(Object.values(LINK_ATTRIBUTES).flat());

export function isLinkAttribute(tag: string, attribute: string): boolean {
  return LINK_ATTRIBUTES[tag]?.includes(attribute) ?? false;
}

/** Whether the attribute loads an image (reported as a missing image rather than a broken link). */
export function isImage(tag: string, attribute: string): boolean {
  return tag === "img" || attribute === "srcset" || attribute === "poster";
}
