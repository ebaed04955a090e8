/**
 * JSON Pointers (RFC 6901), the addresses this module gives every node of an API description: `/paths/~1pets/get`
 * is the `get` operation of the path `/pets`. Diagnostics turn them into lines; `$ref`s are written with them.
 */

/** The pointer of a child: `/`, and the key with `~` and `/` escaped. */
export function childPointer(parent: string, key: string | number): string {
  return `${parent}/${String(key).replace(/~/g, "~0").replace(/\//g, "~1")}`;
}

/** The keys a pointer names, unescaped; `""` (the whole document) has none. */
export function pointerKeys(pointer: string): string[] {
  if (pointer === "") return [];
  return pointer
    .slice(1)
    .split("/")
    .map((key) => key.replace(/~1/g, "/").replace(/~0/g, "~"));
}

/** The pointer made of these keys. */
export function pointerOf(keys: readonly (string | number)[]): string {
  return keys.reduce<string>((pointer, key) => childPointer(pointer, key), "");
}

/** The value at `pointer` inside `root`, or undefined when a key along the way is missing. */
export function valueAt(root: unknown, pointer: string): unknown {
  let node = root;
  for (const key of pointerKeys(pointer)) {
    if (!isObject(node) || !Object.hasOwn(node, key)) return undefined;
    node = (node as Record<string, unknown>)[key];
  }
  return node;
}

/** A plain object or an array: something a pointer can step into. */
export function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null;
}
