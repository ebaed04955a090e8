import type { SiteOutput } from "../render/site-output.ts";

/** `robots.txt`: everything may be crawled, and the sitemap is named when the site knows its origin. */
export function robotsTxt(site: { url: string; baseurl: string }): SiteOutput {
  const lines = ["User-agent: *", "Allow: /"];
  // Sitemap lines must be absolute URLs; without site.url there is nothing valid to write.
  if (site.url) lines.push(`Sitemap: ${site.url}${site.baseurl}/sitemap.xml`);
  return { outputPath: "robots.txt", url: "/robots.txt", html: `${lines.join("\n")}\n` };
}
