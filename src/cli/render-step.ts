import { buildSite, type BuildOptions, type ShardShare } from "../build/build-site.ts";
import type { SiteBuild } from "../render/site-build.ts";
import type { CliBuildOptions } from "./build-options.ts";
import { progressReporter } from "./progress.ts";
import type { StepTimer } from "./step-timer.ts";

/**
 * The render step of a build or of one shard of it: pages are written into `staging` as they render, so that memory
 * does not grow with the site (a build that fails its checks discards the folder, leaving the previous output as it
 * was), and handed to `search` meanwhile; progress shows on a terminal under `label`.
 */
export async function renderStep(
  options: CliBuildOptions,
  staging: string,
  step: StepTimer["step"],
  { search, shard, label }: Required<Pick<BuildOptions, "search">> & Pick<BuildOptions, "shard"> & { label: string },
): Promise<SiteBuild & { split?: ShardShare }> {
  const progress = progressReporter();
  const build = await step("render", () =>
    buildSite({
      sourceDir: options.sourceDir,
      baseurl: options.baseurl,
      workers: options.workers,
      shard,
      writeTo: staging,
      search,
      onProgress: (done, total) => progress.update(label, done, total),
    }),
  );
  progress.done();
  return build;
}
