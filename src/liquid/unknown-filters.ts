import type { Context, FilterImplOptions, Liquid, Token } from "liquidjs";
import type { LiquidProblems } from "./liquid-problems.ts";

/**
 * Jekyll without `strict_filters` passes a value through a filter it does not know. liquidjs looks each filter
 * up by name when it parses a template; answering an unknown name with a pass-through that reports itself
 * renders as Jekyll does and tells the writer where, on every page that reaches it.
 */
export function reportUnknownFilters(liquid: Liquid, problems: LiquidProblems): void {
  const passThroughs = new Map<string, FilterImplOptions>();
  const filters = new Proxy(liquid.filters, {
    get(known, name, receiver) {
      if (typeof name !== "string" || name in known) return Reflect.get(known, name, receiver);
      let passThrough = passThroughs.get(name);
      if (!passThrough) {
        passThrough = function (this: { context: Context; token: Token }, value: unknown) {
          problems.unknownFilter(this.context, name, this.token);
          return value;
        };
        passThroughs.set(name, passThrough);
      }
      return passThrough;
    },
  });
  // liquidjs declares the registry read-only, but only ever reads and adds to it.
  (liquid as { filters: Liquid["filters"] }).filters = filters;
}

/** The names of the filters that exist, for did-you-mean. */
export function filterNames(liquid: Liquid): string[] {
  return Object.keys(liquid.filters);
}
