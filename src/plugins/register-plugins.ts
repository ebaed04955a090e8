import { evalToken, Hash, Tag, type Context, type Emitter, type Liquid, type TagToken, type Token, type TopLevelToken } from "liquidjs";
import type { PluginFilter, PluginRegistry, PluginTag } from "./plugin-api.ts";
import { pluginCallFailure } from "./plugin-failure.ts";

/**
 * Adds the plugins' filters and tags to a Liquid engine. A filter or simple tag that throws fails the page at
 * the line that used it, naming the plugin. (Tags only a Ruby plugin defined: src/liquid/tags/ruby-only.ts.)
 */
export function registerPlugins(liquid: Liquid, registry: PluginRegistry): void {
  for (const { name, file, value } of registry.filters) liquid.registerFilter(name, guardedFilter(name, file, value));
  for (const { name, file, value } of registry.tags) liquid.registerTag(name, tagDefinition(name, file, value));
}

function guardedFilter(name: string, file: string, filter: PluginFilter) {
  return function (this: unknown, value: unknown, ...args: unknown[]): unknown {
    let result: unknown;
    try {
      result = filter.call(this, value, ...args);
    } catch (error) {
      throw pluginCallFailure(`Filter "${name}"`, file, error);
    }
    if (isThenable(result)) throw pluginCallFailure(`Filter "${name}"`, file, new Error(ASYNC));
    return result;
  };
}

/** Pages render synchronously: a plugin's promise would print as "[object Promise]". */
const ASYNC = "it returned a promise; filters and tags return their value as it is (no async function, no await)";

function isThenable(value: unknown): boolean {
  return typeof value === "object" && value !== null && typeof (value as { then?: unknown }).then === "function";
}

function tagDefinition(name: string, file: string, tag: PluginTag): Parameters<Liquid["registerTag"]>[1] {
  if (typeof tag !== "function" || tag.prototype instanceof Tag) return tag as Parameters<Liquid["registerTag"]>[1];
  return simpleTag(name, file, tag as (...args: unknown[]) => unknown);
}

/** `{% name a "b" key=value %}` → fn(a, "b", { key }): values are Liquid expressions, named ones Jekyll-style. */
function simpleTag(name: string, file: string, fn: (...args: unknown[]) => unknown) {
  return class SimpleTag extends Tag {
    private readonly positional: Token[] = [];
    private readonly named: Hash;

    constructor(token: TagToken, remainTokens: TopLevelToken[], liquid: Liquid) {
      super(token, remainTokens, liquid);
      const { tokenizer } = token;
      for (;;) {
        tokenizer.skipBlank();
        if (tokenizer.peek() === ",") tokenizer.p++;
        tokenizer.skipBlank();
        if (tokenizer.end() || /^[\w-]+\s*=/.test(tokenizer.input.slice(tokenizer.p, tokenizer.N))) break;
        const value = tokenizer.readValue();
        if (!value) throw new Error(`{% ${name} %}: cannot read an argument at "${tokenizer.input.slice(tokenizer.p, tokenizer.N)}"`);
        this.positional.push(value);
      }
      this.named = new Hash(tokenizer, true);
    }

    *render(ctx: Context, emitter: Emitter): Generator<unknown, void, unknown> {
      const values: unknown[] = [];
      for (const token of this.positional) values.push(yield evalToken(token, ctx));
      const named = (yield this.named.render(ctx)) as Record<string, unknown>;
      let html: unknown;
      try {
        html = fn(...values, named);
      } catch (error) {
        throw pluginCallFailure(`Tag "${name}"`, file, error);
      }
      if (isThenable(html)) throw pluginCallFailure(`Tag "${name}"`, file, new Error(ASYNC));
      // A tag writes text: an object would print as "[object Object]".
      if (typeof html === "object" && html !== null) {
        throw pluginCallFailure(`Tag "${name}"`, file, new Error("it returned an object; a tag returns the text (or HTML) it writes, as a string"));
      }
      emitter.write(html ?? "");
    }
  };
}
