import type { SiteBuild } from "../render/build-site.ts";

/**
 * The CLI renders and checks the site before Eleventy starts, so that content errors are reported by us and
 * never reach Eleventy as a crash. It leaves the finished build here for the plugin's first run to take.
 */
let pending: SiteBuild | undefined;

export function handOffBuild(build: SiteBuild): void {
  pending = build;
}

export function takeHandedOffBuild(): SiteBuild | undefined {
  const build = pending;
  pending = undefined;
  return build;
}
