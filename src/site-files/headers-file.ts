import type { SiteOutput } from "../render/site-output.ts";
import { CONTENT_SECURITY_POLICY } from "../render/content-security-policy.ts";

/**
 * `_headers`, which Netlify and Cloudflare Pages read from the output root: every address under the base path
 * gets the full Content-Security-Policy header, including `frame-ancestors`, which the pages' <meta> cannot
 * carry. Other hosts ignore the file.
 */
export function headersFile(site: { baseurl: string }): SiteOutput {
  return {
    outputPath: "_headers",
    url: "/_headers",
    html: `${site.baseurl}/*\n  Content-Security-Policy: ${CONTENT_SECURITY_POLICY}\n`,
  };
}
