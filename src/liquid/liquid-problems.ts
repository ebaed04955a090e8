import type { Context, Template, Token } from "liquidjs";
import type { Diagnostic } from "../diagnostics/diagnostic.ts";
import { closestMatch } from "../diagnostics/did-you-mean.ts";
import { portHint, type RubyDefinition, type RubyDefinitions } from "../plugins/ruby-plugins.ts";
import { HintedError } from "./hinted-error.ts";
import { displayPath, undefinedVariableHint } from "./liquid-diagnostic.ts";
import { getRenderState } from "./render-state.ts";
import { tokenPosition } from "./token-position.ts";
import type { LiquidStrictness } from "./strictness.ts";

export interface ProblemSettings {
  sourceDir: string;
  strictness: LiquidStrictness;
  /** Every front matter key of the site, for did-you-mean on `page.*`. */
  knownPageKeys: readonly string[];
  /** Filters and tags the tree's Ruby plugins defined, for a hint on porting them. */
  ruby: RubyDefinitions;
  /** The filters that exist, for did-you-mean. */
  knownFilters: () => string[];
}

/**
 * The problems a render goes on after, as Jekyll does: an undefined variable (rendered as "") and an unknown
 * filter (the value passes through). Each becomes a diagnostic at its file, line and include chain, an error
 * when `_config.yml` asks for that strictness and a warning otherwise.
 */
export class LiquidProblems {
  constructor(private readonly settings: ProblemSettings) {}

  undefinedVariable(ctx: Context, name: string, template: Template, token: Token | undefined): void {
    // liquidjs leaves the file off the tokens inside `{{ }}`; the template holding them has it.
    this.report(ctx, token ?? template.token, template.token.file, {
      severity: this.settings.strictness.variables ? "error" : "warning",
      code: "liquid-undefined-variable",
      message: `Undefined variable "${name}"`,
      hint: undefinedVariableHint(name, this.settings.knownPageKeys),
    });
  }

  unknownFilter(ctx: Context, name: string, token: Token): void {
    this.report(ctx, token, token.file, {
      severity: this.settings.strictness.filters ? "error" : "warning",
      code: "liquid-unknown-filter",
      message: `Unknown filter "${name}"; the value passes through unchanged`,
      hint: this.unknownFilterHint(name),
    });
  }

  rubyOnlyTag(ctx: Context, definition: RubyDefinition, token: Token): void {
    this.report(ctx, token, token.file, {
      severity: "warning",
      code: "liquid-ruby-tag",
      message: `Tag "${definition.name}" comes from ${definition.file}, a Ruby plugin, which does not run here: it writes ${definition.block ? "only the text between its tags" : "nothing"}`,
      hint: portHint(definition),
    });
  }

  private unknownFilterHint(name: string): string {
    const ruby = this.settings.ruby.get(`filter:${name}`);
    if (ruby) return portHint(ruby);
    const suggestion = closestMatch(name, this.settings.knownFilters());
    if (suggestion) return `Did you mean ${suggestion}?`;
    return "Check the filter's spelling, or define it in a plugin in _plugins/ (see README 'Plugins').";
  }

  private report(
    ctx: Context,
    token: Token,
    file: string | undefined,
    problem: Pick<Diagnostic, "severity" | "code" | "message" | "hint">,
  ): void {
    const state = getRenderState(ctx);
    // A render that takes no reports (none of ours) stops here, as liquidjs's strict mode would.
    if (!state?.report) throw new HintedError(problem.message, problem.code, problem.hint ?? "");
    const { sourceDir } = this.settings;
    const [line, column] = tokenPosition(token);
    const diagnostic: Diagnostic = { file: displayPath(sourceDir, file ?? ""), line, column, ...problem };
    if (state.includes?.length) diagnostic.chain = state.includes.map((link) => `${displayPath(sourceDir, link.file)}:${link.line}`);
    state.report(diagnostic);
  }
}

