import { Tag, TagToken, type Context, type Emitter, type Liquid, type Parser, type Template, type TopLevelToken } from "liquidjs";
import type { RubyDefinition, RubyDefinitions } from "../../plugins/ruby-plugins.ts";
import type { LiquidProblems } from "../liquid-problems.ts";

/**
 * The tags only the tree's `_plugins/*.rb` define. Ruby plugins do not run here, and they must not stop a legacy
 * portal from building: such a tag writes nothing (a block tag, the content between its tags, so no text is lost)
 * and is a warning where it is used, with the way to port it.
 */
export function registerRubyOnlyTags(liquid: Liquid, ruby: RubyDefinitions, problems: LiquidProblems): void {
  for (const definition of ruby.values()) {
    if (definition.kind !== "tag" || definition.name in liquid.tags) continue;
    liquid.registerTag(definition.name, rubyOnlyTag(definition, problems));
  }
}

/**
 * Token lists known to hold no `end<name>` tag, by list. A list only shrinks as it is parsed, so a tag once missing
 * stays missing, and a page using a plain Ruby tag 20,000 times is scanned once, not once per use.
 */
const endlessLists = new WeakMap<TopLevelToken[], Set<string>>();

/**
 * Whether the tag at the head of `remainTokens` is used as a block: its class was read as a `Liquid::Block`, or,
 * for a class whose line the Ruby text does not show (it comes from a gem), an `end<name>` tag follows it outside
 * `{% comment %}` and `{% raw %}`. A class plainly a `Liquid::Tag` never is.
 */
function usedAsBlock(definition: RubyDefinition, remainTokens: TopLevelToken[]): boolean {
  if (definition.block !== undefined) return definition.block;
  const end = `end${definition.name}`;
  const missing = endlessLists.get(remainTokens);
  if (missing?.has(end)) return false;
  if (endTagFollows(remainTokens, end)) return true;
  if (missing) missing.add(end);
  else endlessLists.set(remainTokens, new Set([end]));
  return false;
}

/** Tags whose content is text, not Liquid: an end tag inside them ends nothing. */
const TEXT_BLOCKS: Readonly<Record<string, string>> = { comment: "endcomment", raw: "endraw" };

function endTagFollows(tokens: readonly TopLevelToken[], end: string): boolean {
  let closing: string | undefined;
  for (const token of tokens) {
    if (!(token instanceof TagToken)) continue;
    if (closing !== undefined) {
      if (token.name === closing) closing = undefined;
    } else if (token.name === end) return true;
    else closing = TEXT_BLOCKS[token.name];
  }
  return false;
}

function rubyOnlyTag(definition: RubyDefinition, problems: LiquidProblems) {
  return class RubyOnlyTag extends Tag {
    private readonly templates: Template[] = [];
    /** The definition as this use reads it: a block when an end tag follows, whatever its Ruby text showed. */
    private readonly used: RubyDefinition;

    constructor(token: TagToken, remainTokens: TopLevelToken[], liquid: Liquid, parser: Parser) {
      super(token, remainTokens, liquid);
      const block = usedAsBlock(definition, remainTokens);
      this.used = block === (definition.block ?? false) ? definition : { ...definition, block };
      if (!block) return;
      const end = `end${definition.name}`;
      while (remainTokens.length) {
        const next = remainTokens.shift()!;
        if (next instanceof TagToken && next.name === end) return;
        this.templates.push(parser.parseToken(next, remainTokens));
      }
      throw new Error(`tag ${token.getText()} not closed: end it with {% ${end} %}`);
    }

    *render(ctx: Context, emitter: Emitter): Generator<unknown, void, unknown> {
      problems.rubyOnlyTag(ctx, this.used, this.token);
      if (this.templates.length) emitter.write((yield this.liquid.renderer.renderTemplates(this.templates, ctx)) as string);
    }
  };
}
