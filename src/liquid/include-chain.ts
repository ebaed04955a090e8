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
