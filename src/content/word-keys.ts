/** Front matter keys that are words to show: a page's names, its description, its back link's text. */
export const WORDS: readonly string[] = ["title", "seo", "description", "heading", "parent"];
