import { Tag, TagToken as LiquidTagToken, type Context, type Emitter, type Liquid, type Parser, type Template, type TopLevelToken } from "liquidjs";

/** Renders code as a code block of the site (highlighted, labelled, with its copy button); `language` as written. */
export type CodeBlockHtml = (code: string, language: string) => string;

/** Jekyll's `{% highlight LANG [linenos] [mark_lines="1 2"] %}` arguments. */
const ARGUMENTS = /^([a-zA-Z0-9.+#_-]+)((?:\s+(?:linenos(?:=\w+)?|mark_lines="[\d ]*"|\w+="[^"]*"|\w+=\w+))*)\s*$/;

/**
 * `{% highlight ruby %}…{% endhighlight %}`, Jekyll's built-in tag for code: the same block a fenced code block in
 * that language gives (an unknown language as plain text). As in Jekyll, Liquid inside it runs and the newlines
 * around the code are dropped. `linenos` and `mark_lines` are accepted and not shown: the site's code blocks have
 * no line numbers.
 */
export function highlightTag(codeBlockHtml: CodeBlockHtml) {
  return class HighlightTag extends Tag {
    private readonly language: string;
    private readonly templates: Template[] = [];

    constructor(token: LiquidTagToken, remainTokens: TopLevelToken[], liquid: Liquid, parser: Parser) {
      super(token, remainTokens, liquid);
      const matched = ARGUMENTS.exec(token.args.trim());
      if (!matched) {
        throw new Error(`highlight expects a language and Jekyll's options, such as {% highlight ruby linenos %}, got "${token.args.trim()}"`);
      }
      this.language = matched[1];
      while (remainTokens.length) {
        const next = remainTokens.shift()!;
        if (next instanceof LiquidTagToken && next.name === "endhighlight") return;
        this.templates.push(parser.parseToken(next, remainTokens));
      }
      throw new Error(`tag ${token.getText()} not closed: end it with {% endhighlight %}`);
    }

    *render(ctx: Context, emitter: Emitter): Generator<unknown, void, unknown> {
      const code = (yield this.liquid.renderer.renderTemplates(this.templates, ctx)) as string;
      emitter.write(codeBlockHtml(code.replace(/^[\r\n]+|[\r\n]+$/g, ""), this.language));
    }
  };
}
