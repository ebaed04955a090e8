/** Jekyll's titleize_slug: `release-1` -> `Release 1`, each hyphen-separated word capitalised. */
export function titleizeSlug(slug: string): string {
  return slug
    .split("-")
    .map((word) => word.charAt(0).toUpperCase() + word.slice(1))
    .join(" ");
}
