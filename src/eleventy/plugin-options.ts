import path from "node:path";

export interface PluginOptions {
  /** The source tree: docs/, _includes/, _data/, _config.yml, assets/. */
  sourceDir: string;
  /** Overrides `baseurl` of `_config.yml`. */
  baseurl?: string;
}

/**
 * Options come through the environment because Eleventy's own command line (used by `npm start`)
 * cannot pass plugin options; our CLI sets these before it starts Eleventy.
 */
export function optionsFromEnvironment(env: NodeJS.ProcessEnv = process.env): PluginOptions {
  return {
    sourceDir: path.resolve(env.ELEMENT_GUIDES_SOURCE ?? "."),
    baseurl: env.ELEMENT_GUIDES_BASE,
  };
}
