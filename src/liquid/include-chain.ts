/** One step of an include chain: where the include tag that led further in stands. */
export interface ChainLink {
  file: string;
  line: number;
}

const CHAIN = Symbol("includeChain");

/** Records, on an error rising out of an include, the include tag it passed through (outermost ends up first). */
export function addChainLink(error: unknown, link: ChainLink): void {
  if (!error || typeof error !== "object") return;
  const carrier = error as { [CHAIN]?: ChainLink[] };
  (carrier[CHAIN] ??= []).unshift(link);
}

export function chainOf(error: unknown): ChainLink[] {
  if (!error || typeof error !== "object") return [];
  return (error as { [CHAIN]?: ChainLink[] })[CHAIN] ?? [];
}

const ORIGIN = Symbol("includeOrigin");

/**
 * Records the partial an error rose out of. liquidjs leaves the file off the tokens of `{{ }}` expressions,
 * so the innermost include tag the error passes through is what knows the file.
 */
export function markOrigin(error: unknown, file: string): void {
  if (!error || typeof error !== "object") return;
  const carrier = error as { [ORIGIN]?: string };
  carrier[ORIGIN] ??= file;
}

export function originOf(error: unknown): string | undefined {
  if (!error || typeof error !== "object") return undefined;
  return (error as { [ORIGIN]?: string })[ORIGIN];
}
