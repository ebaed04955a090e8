import { Tag, TagToken as LiquidTagToken, type Context, type Emitter, type Liquid, type Parser, type Template, type TopLevelToken } from "liquidjs";
import { fencedCode } from "../../markdown/fenced-code.ts";
import { getRenderState } from "../render-state.ts";

/** Jekyll's `{% highlight LANG [linenos] [mark_lines="1 2"] %}` arguments. */
const ARGUMENTS = /^([a-zA-Z0-9.+#_-]+)((?:\s+(?:linenos(?:=\w+)?|mark_lines="[\d ]*"|\w+="[^"]*"|\w+=\w+))*)\s*$/;

/**
 * `{% highlight ruby %}…{% endhighlight %}`, Jekyll's built-in tag for code: the same block a fenced code block in
 * that language gives (an unknown language as plain text). In a Markdown page it writes that fence, indented as
 * the tag is (in a list item, say), so the page's Markdown renders it and its Markdown twin shows it; in a page of
 * HTML it writes that fence as `markdownify` renders it. As in Jekyll, Liquid inside it runs and the blank lines
 * around the code are dropped; the indentation all its lines share goes too. `linenos` and `mark_lines` are
 * accepted and not shown: the site's code blocks have no line numbers.
 */
export function highlightTag(markdownify: (text: string) => string) {
  return class HighlightTag extends Tag {
    private readonly language: string;
    private readonly templates: Template[] = [];
    /** What stands before the tag on its line, as spaces: the indentation of a fence written there. */
    private readonly indent: string;

    constructor(token: LiquidTagToken, remainTokens: TopLevelToken[], liquid: Liquid, parser: Parser) {
      super(token, remainTokens, liquid);
      const matched = ARGUMENTS.exec(token.args.trim());
      if (!matched) {
        throw new Error(`highlight expects a language and Jekyll's options, such as {% highlight ruby linenos %}, got "${token.args.trim()}"`);
      }
      this.language = matched[1];
      const lineStart = token.input.lastIndexOf("\n", token.begin - 1) + 1;
      this.indent = " ".repeat(token.begin - lineStart);
      while (remainTokens.length) {
        const next = remainTokens.shift()!;
        if (next instanceof LiquidTagToken && next.name === "endhighlight") return;
        this.templates.push(parser.parseToken(next, remainTokens));
      }
      throw new Error(`tag ${token.getText()} not closed: end it with {% endhighlight %}`);
    }

    *render(ctx: Context, emitter: Emitter): Generator<unknown, void, unknown> {
      const code = codeOf((yield this.liquid.renderer.renderTemplates(this.templates, ctx)) as string);
      if (getRenderState(ctx)?.markdown) emitter.write(fencedCode(code, this.language, this.indent));
      else emitter.write(markdownify(`${fencedCode(code, this.language)}\n`).trimEnd());
    }
  };
}

/** The code between the tags: without the blank lines around it, and without the indentation its lines share. */
function codeOf(text: string): string {
  const lines = text.replace(/\r\n?/g, "\n").split("\n");
  while (lines.length && lines[0].trim() === "") lines.shift();
  while (lines.length && lines.at(-1)!.trim() === "") lines.pop();
  const shared = Math.min(...lines.filter((line) => line.trim() !== "").map((line) => /^[ \t]*/.exec(line)![0].length));
  return lines.map((line) => line.slice(Number.isFinite(shared) ? shared : 0)).join("\n");
}
