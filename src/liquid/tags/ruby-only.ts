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

function rubyOnlyTag(definition: RubyDefinition, problems: LiquidProblems) {
  return class RubyOnlyTag extends Tag {
    private readonly templates: Template[] = [];

    constructor(token: TagToken, remainTokens: TopLevelToken[], liquid: Liquid, parser: Parser) {
      super(token, remainTokens, liquid);
      if (!definition.block) return;
      const end = `end${definition.name}`;
      while (remainTokens.length) {
        const next = remainTokens.shift()!;
        if (next instanceof TagToken && next.name === end) return;
        this.templates.push(parser.parseToken(next, remainTokens));
      }
      throw new Error(`tag ${token.getText()} not closed: end it with {% ${end} %}`);
    }

    *render(ctx: Context, emitter: Emitter): Generator<unknown, void, unknown> {
      problems.rubyOnlyTag(ctx, definition, this.token);
      if (this.templates.length) emitter.write((yield this.liquid.renderer.renderTemplates(this.templates, ctx)) as string);
    }
  };
}
