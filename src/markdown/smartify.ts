import MarkdownIt from "markdown-it";
import { KRAMDOWN_TYPOGRAPHY, type Typography } from "./kramdown-settings.ts";
import { kramdownTypography } from "./plugins/kramdown-typography.ts";

/**
 * Jekyll's `smartify` filter: kramdown's SmartyPants, which turns quotes, dashes and ellipses into their
 * typographic forms and leaves the rest as it is, HTML included (`*text*` stays, as it does there). The same
 * typography the site's Markdown uses, set by `kramdown:` of _config.yml.
 */
export function smartifier(typography: Typography = KRAMDOWN_TYPOGRAPHY): (text: string) => string {
  const md = new MarkdownIt("zero", { html: true });
  md.enable(["html_inline", "entity", "escape"]);
  md.use(kramdownTypography, typography);
  return (text) => md.renderInline(text);
}
