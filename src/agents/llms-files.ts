import path from "node:path";
import type { SiteOutput } from "../render/site-output.ts";
import type { SiteFacts } from "./agent-files.ts";
import { llmsFullParts, writeParts } from "./llms-full-txt.ts";
import { completedSections, twinsInOrder, type LlmsPlan, type RenderedSummary } from "./llms-plan.ts";
import { LLMS_FULL_TXT, LLMS_TXT, llmsTxt } from "./llms-txt.ts";

/**
 * llms.txt and llms-full.txt from their plan and the pages' render: `summaryOf` gives a page's first sentence and
 * heading, `twin` a twin's text. With `writeTo`, llms-full.txt is written there piece by piece (its output is
 * returned empty, and named in `written`); else it is made in memory.
 */
export function llmsFiles(
  plan: LlmsPlan,
  site: SiteFacts,
  from: { summaryOf: RenderedSummary; twin: (twin: string) => string | Buffer; writeTo?: string },
): { outputs: SiteOutput[]; written: string[] } {
  const address = (file: string) => `${site.url}${site.baseurl}/${file}`;
  const full = plan.ours.includes(LLMS_FULL_TXT);
  const outputs: SiteOutput[] = [];
  if (plan.ours.includes(LLMS_TXT)) {
    const sections = completedSections(plan, from.summaryOf);
    outputs.push({ outputPath: LLMS_TXT, url: `/${LLMS_TXT}`, html: llmsTxt(site, sections, full ? address(LLMS_FULL_TXT) : undefined) });
  }
  if (!full) return { outputs, written: [] };
  const parts = llmsFullParts(
    site,
    twinsInOrder(plan).map(({ url, twin }) => ({ url, twin: () => from.twin(twin) })),
  );
  if (from.writeTo === undefined) {
    outputs.push({ outputPath: LLMS_FULL_TXT, url: `/${LLMS_FULL_TXT}`, html: [...parts].join("") });
    return { outputs, written: [] };
  }
  writeParts(path.join(from.writeTo, LLMS_FULL_TXT), parts);
  outputs.push({ outputPath: LLMS_FULL_TXT, url: `/${LLMS_FULL_TXT}`, html: "" });
  return { outputs, written: [LLMS_FULL_TXT] };
}
