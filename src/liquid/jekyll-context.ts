import { Context, toValueSync, type Drop } from "liquidjs";

/**
 * liquidjs's lookup failure, rebuilt here because liquidjs does not export it: its `if`, `assign` and `default`
 * evaluation (our `lenientIf`) recognise it by this name and read the value as nil; everywhere else it becomes an
 * UndefinedVariableError carrying the position, which src/liquid/render-loop.ts reports before rendering the
 * template again with that variable as nil.
 */
class UndefinedLookup extends Error {
  constructor(readonly variableName: string) {
    super(`undefined variable: ${variableName}`);
    this.name = "InternalUndefinedVariableError";
  }
}

/**
 * A render context whose undefined variables can be forgiven one by one. liquidjs runs strict (every undefined
 * lookup throws) so that the render loop learns where each one is; a forgiven name then reads as nil, which is
 * what Jekyll renders for it. It renders synchronously only (`renderSync`), as every page does.
 */
export class JekyllContext extends Context {
  /** Names read as nil while the render loop renders one template again; never seen by nested templates. */
  forgiven: Set<string> | undefined;

  // liquidjs's own lookups, with the forgiveness check added where they would throw. Plain functions, not
  // generators: a page renders synchronously, where liquidjs's callers `yield` the value and get it as it is
  // (src/liquid/sync-evaluation.ts says why that matters). A property read that needs a generator is run here.
  override _get(paths: (PropertyKey | Drop)[]): IterableIterator<unknown> {
    const scope = (this as unknown as { findScope(key: unknown): unknown }).findScope(paths[0]);
    return this._getFromScope(scope, paths);
  }

  override _getFromScope(
    scope: unknown,
    paths: (PropertyKey | Drop)[] | string,
    strictVariables = this.strictVariables,
  ): IterableIterator<unknown> {
    const keys = typeof paths === "string" ? paths.split(".") : paths;
    for (let i = 0; i < keys.length; i++) {
      scope = toValueSync(this.readProperty(scope as never, keys[i] as never));
      if (strictVariables && scope === undefined) {
        const name = keys.slice(0, i + 1).join(".");
        if (this.forgiven?.has(name)) return undefined as never;
        throw new UndefinedLookup(name);
      }
    }
    return scope as never;
  }
}

/** The variable an error out of a render is about, when it is an undefined variable. */
export function undefinedVariableOf(error: unknown): string | undefined {
  const cause = (error as { originalError?: unknown } | undefined)?.originalError;
  return cause instanceof UndefinedLookup ? cause.variableName : undefined;
}
