import {
  AssignTag,
  CaptureTag,
  IfTag,
  isTruthy,
  toValue,
  toValueSync,
  UnlessTag,
  type Context,
  type Emitter,
  type Liquid,
  type Template,
  type Value,
} from "liquidjs";

/** liquidjs's fields of `if` and `unless`, which its types keep private. `unless` gives each branch its test. */
interface BranchFields {
  liquid: Liquid;
  branches: { value: Value; test?: (value: unknown, ctx: Context) => boolean; templates: Template[] }[];
  elseTemplates?: Template[];
}
interface CaptureFields {
  liquid: Liquid;
  variable: string;
  templates: Template[];
}
interface AssignFields {
  liquid: Liquid;
  key: string;
  value: Value;
}

/**
 * `if`, `unless`, `capture` and `assign` in a synchronous render, as plain calls: liquidjs's are generators, and
 * a layout runs dozens of them per page, each a generator object and a trip through `toValueSync`'s trampoline.
 * The same steps in the same order as liquidjs's `render`; an asynchronous render still runs liquidjs's own.
 * Nested template lists go through the engine's `renderTemplates`, which a synchronous render runs directly
 * (src/liquid/render-loop.ts) and liquidjs's own runs through its generator.
 */
export function installSyncTags(): void {
  syncOnly(IfTag, renderBranches);
  syncOnly(UnlessTag, renderBranches);
  syncOnly(CaptureTag, function (this: CaptureFields, ctx: Context) {
    ctx.bottom()[this.variable] = toValueSync(this.liquid.renderer.renderTemplates(this.templates, ctx));
  });
  syncOnly(AssignTag, function (this: AssignFields, ctx: Context) {
    ctx.bottom()[this.key] = toValueSync(this.value.value(ctx, this.liquid.options.lenientIf));
  });
}

/** liquidjs's `IfTag.render` and `UnlessTag.render`: the first branch whose test passes, else the else branch. */
function renderBranches(this: BranchFields, ctx: Context, emitter: Emitter): undefined {
  const renderer = this.liquid.renderer;
  for (const { value, test = isTruthy, templates } of this.branches) {
    const condition = toValueSync(toValue(toValueSync(value.value(ctx, ctx.opts.lenientIf))));
    if (test(condition, ctx)) {
      toValueSync(renderer.renderTemplates(templates, ctx, emitter));
      return undefined;
    }
  }
  toValueSync(renderer.renderTemplates(this.elseTemplates ?? [], ctx, emitter));
  return undefined;
}

function syncOnly<Fields>(tag: { prototype: unknown }, sync: (this: Fields, ctx: Context, emitter: Emitter) => unknown): void {
  const prototype = tag.prototype as { render(ctx: Context, emitter: Emitter): unknown };
  const generator = prototype.render;
  prototype.render = function (this: Fields, ctx: Context, emitter: Emitter) {
    return ctx.sync ? sync.call(this, ctx, emitter) : generator.call(this, ctx, emitter);
  };
}
