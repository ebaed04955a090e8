import { Parser, TokenKind, type Context, type Emitter, type Liquid, type Template, type TopLevelToken } from "liquidjs";

type ParsedTemplate = ReturnType<Parser["parseToken"]>;

/** Where a render keeps the errors its guarded tags ran into (a register of the Liquid context). */
const TAG_ERRORS = "elementGuidesTagErrors";

/** Has the tags of a lenient parse put the errors they render past into `errors`, for this render. */
export function collectTagErrors(ctx: Context, errors: unknown[]): void {
  ctx.setRegister(TAG_ERRORS, errors);
}

/** Tags that only mean something inside a block tag (`{% if %}` … `{% else %}` … `{% endif %}`). */
const BRANCH_TAGS = new Set(["else", "elsif", "when"]);

/**
 * Parses a page's Liquid so that one bad tag costs only that tag, where Jekyll stops the whole build:
 * - a tag or `{{ }}` that fails to parse (an unknown tag from a Jekyll plugin, a typo) is handed to `onError`
 *   and stands in the page as nothing; the rest of the page, inside blocks too, parses as usual;
 * - a tag or `{{ }}` that fails to render writes nothing more and the render goes on with the next one; its error
 *   goes to the list given to `collectTagErrors` (without one, it stops the render as usual).
 *
 * liquidjs parses every tag, at every depth, through its parser's `parseToken`, so a parser of our own with that
 * method wrapped reaches them all. When a block tag itself fails to parse, its `end…` and `else` tags would each fail again
 * as unknown: they are dropped without a second report. Text that cannot even be split into tags (an unclosed
 * `{{`) still throws.
 */
export function parseLeniently(liquid: Liquid, text: string, file: string, onError: (error: unknown) => void): Template[] {
  const parser = new Parser(liquid);
  const strictParse = Parser.prototype.parseToken;
  const failedTags = new Set<string>();
  parser.parseToken = function (token: TopLevelToken, remainTokens: TopLevelToken[]): ParsedTemplate {
    let template: ParsedTemplate;
    try {
      template = strictParse.call(this, token, remainTokens);
    } catch (error) {
      const name = (token as { name?: unknown }).name;
      if (typeof name === "string") {
        const opener = name.startsWith("end") ? name.slice(3) : undefined;
        if ((opener && failedTags.has(opener)) || (BRANCH_TAGS.has(name) && failedTags.size > 0)) return empty(token);
        failedTags.add(name);
      }
      onError(error);
      return empty(token);
    }
    // Literal text cannot fail: only tags and `{{ }}` need a guard.
    return token.kind === TokenKind.HTML ? template : guarded(liquid, template);
  };
  return parser.parse(text, file);
}

/**
 * The template, rendered through the engine's own render loop (so that whatever that loop does for a template,
 * such as going on after an undefined variable, still happens), with what the loop gives up on caught here.
 */
function guarded(liquid: Liquid, template: ParsedTemplate): ParsedTemplate {
  const renderer = liquid.renderer;
  const guard: Template = {
    token: template.token,
    // Writes into `emitter` and returns nothing, as block tags do (the loop's return value is the whole buffer).
    *render(ctx: Context, emitter: Emitter) {
      const errors = ctx.getRegister(TAG_ERRORS) as unknown[] | undefined;
      if (!errors) {
        yield renderer.renderTemplates([template], ctx, emitter);
        return;
      }
      try {
        yield renderer.renderTemplates([template], ctx, emitter);
      } catch (error) {
        errors.push(error);
      }
    },
  };
  // Any template will do where liquidjs names its own three kinds: it only ever calls render().
  return guard as unknown as ParsedTemplate;
}

/** A tag or `{{ }}` that could not be parsed: it stands in the page as nothing. */
function empty(token: TopLevelToken): ParsedTemplate {
  return { token, render: () => "" } satisfies Template as unknown as ParsedTemplate;
}
