import { Context, type Drop } from "liquidjs";

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
 * what Jekyll renders for it.
 */
export class JekyllContext extends Context {
  /** Names read as nil while the render loop renders one template again; never seen by nested templates. */
  forgiven: Set<string> | undefined;

  // liquidjs's own loop, with the forgiveness check added where it would throw.
  override *_getFromScope(
    scope: unknown,
    paths: (string | number | Drop)[] | string,
    strictVariables = this.strictVariables,
  ): IterableIterator<unknown> {
    const keys = typeof paths === "string" ? paths.split(".") : paths;
    for (let i = 0; i < keys.length; i++) {
      scope = yield this.readProperty(scope as never, keys[i]);
      if (strictVariables && scope === undefined) {
        const name = keys.slice(0, i + 1).join(".");
        if (this.forgiven?.has(name)) return undefined;
        throw new UndefinedLookup(name);
      }
    }
    return scope;
  }
}

/** The variable an error out of a render is about, when it is an undefined variable. */
export function undefinedVariableOf(error: unknown): string | undefined {
  const cause = (error as { originalError?: unknown } | undefined)?.originalError;
  return cause instanceof UndefinedLookup ? cause.variableName : undefined;
}
