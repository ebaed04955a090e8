/**
 * Jekyll's `liquid:` settings in `_config.yml`. Jekyll renders an undefined variable as "" and passes a value
 * through an unknown filter unless `strict_variables` / `strict_filters` is true; we render the same way and
 * report each one, as a warning, or as an error when the tree asked for strictness. (`error_mode` concerns
 * syntax, which is always an error here.)
 */
export interface LiquidStrictness {
  variables: boolean;
  filters: boolean;
}

export function liquidStrictness(site: { liquid?: unknown }): LiquidStrictness {
  const settings = (site.liquid && typeof site.liquid === "object" ? site.liquid : {}) as Record<string, unknown>;
  return { variables: settings.strict_variables === true, filters: settings.strict_filters === true };
}
