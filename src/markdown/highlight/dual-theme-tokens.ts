import { EncodedTokenMetadata, INITIAL, Theme, type IGrammar, type StateStack } from "@shikijs/vscode-textmate";
import { applyColorReplacements, codeToTokensWithThemes, flatTokenVariants, isSpecialLang, resolveColorReplacements, splitLines } from "@shikijs/core";
import type { BundledLanguage, CodeToTokensWithThemesOptions, Highlighter, SpecialLanguage, ThemedToken, TokensResult } from "shiki";

type Language = BundledLanguage | SpecialLanguage;

/**
 * Shiki's `codeToTokens` for two themes without a default colour, tokenizing the code once instead of once per
 * theme. Shiki runs the grammar for each theme because vscode-textmate colours tokens with the theme set while
 * it tokenizes; but where tokens start and which scopes they carry does not depend on the theme. So the grammar
 * runs once, giving each token its scopes, and each theme's token attributes are worked out from those scopes
 * exactly as vscode-textmate works them out (AttributedScopeStack: defaults, then each scope's language, token
 * type and theme match in turn), remembered per scope path. Neighbours with equal attributes merge as in its
 * binary tokens, and from there Shiki's own code aligns the two themes and writes the styles. With the grammars
 * compiled this halves the time Shiki takes; on a cold build about a fifth, as compiling the grammars' regexes
 * and Shiki's alignment of the themes stay.
 *
 * test/unit/markdown/highlight/dual-theme-tokens.test.ts holds the result to Shiki's own for every language.
 * package.json pins @shikijs/core and @shikijs/vscode-textmate to the versions Shiki itself installs.
 */
export class DualThemeTokenizer {
  private readonly shiki: Highlighter;
  private readonly options: Required<Pick<CodeToTokensWithThemesOptions, "themes" | "tokenizeTimeLimit">> & { defaultColor: false };
  private readonly textmateThemes: Theme[];
  private readonly colorMaps: string[][];
  private readonly replacements: ReturnType<typeof resolveColorReplacements>[];
  /** What does not depend on the code: the block's colours and classes, from one call to Shiki. */
  private readonly frame: Omit<TokensResult, "tokens">;
  /** Each language's scope paths met so far, under its grammar's root; undefined for languages on Shiki's path. */
  private readonly roots = new Map<string, ScopeNode | undefined>();
  private remembered = 0;

  /**
   * `maxRememberedPaths`: some scope names carry text of the code (an HTML attribute's name, a heredoc's
   * delimiter), so the scope paths met grow with what a long-running preview highlights; past this many,
   * they are forgotten and worked out again.
   */
  constructor(
    shiki: Highlighter,
    themes: { light: string; dark: string },
    private readonly maxRememberedPaths = 50_000,
  ) {
    this.shiki = shiki;
    // No default colour: no inline `color:`, every token carries --shiki-light / --shiki-dark for the site CSS to
    // pick. Shiki stops tokenising a line after 500 ms by default and leaves the rest uncoloured: on a busy machine
    // (a cold grammar's first line compiles its regexes) that made two builds of one tree differ. No limit here.
    this.options = { themes, defaultColor: false, tokenizeTimeLimit: 0 };
    const resolved = [themes.light, themes.dark].map((name) => shiki.getTheme(name));
    // As Shiki's registry makes them: each theme with its own colour map.
    this.textmateThemes = resolved.map((theme) => Theme.createFromRawTheme(theme));
    this.colorMaps = this.textmateThemes.map((theme) => theme.getColorMap());
    this.replacements = resolved.map((theme) => resolveColorReplacements(theme, this.options));
    const { tokens: _tokens, ...frame } = shiki.codeToTokens("", { lang: "text", ...this.options });
    this.frame = frame;
  }

  /** Shiki's `codeToTokens(code, { lang, themes, defaultColor: false, tokenizeTimeLimit: 0 })`. */
  codeToTokens(code: string, lang: Language): TokensResult {
    if (this.remembered > this.maxRememberedPaths) {
      this.roots.clear();
      this.remembered = 0;
    }
    const root = this.rootOf(lang);
    if (!root) return this.shiki.codeToTokens(code, { lang, ...this.options });
    const perTheme = this.tokenize(code, root);
    let next = 0;
    // Shiki aligns the themes' tokens and merges them into one list with a variant per theme; it asks for each
    // theme's tokens in the order of `themes`, which is the order they were made in.
    const merged = codeToTokensWithThemes(this.shiki.getInternalContext(), code, { lang, ...this.options }, () => perTheme[next++]);
    const order = Object.keys(this.options.themes);
    const tokens = merged.map((line) => line.map((token) => flatTokenVariants(token, order, "--shiki-", false, "css-vars")));
    return { ...this.frame, tokens };
  }

  /** Each theme's tokens, as Shiki's `tokenizeWithTheme` gives them. */
  private tokenize(code: string, root: ScopeNode): ThemedToken[][][] {
    const result: ThemedToken[][][] = [[], []];
    let stack: StateStack = INITIAL;
    for (const [line, lineOffset] of splitLines(code)) {
      // Shiki leaves an empty line untokenized, its state unchanged.
      if (line === "") {
        for (const lines of result) lines.push([]);
        continue;
      }
      const { tokens, ruleStack } = root.grammar.tokenizeLine(line, stack, 0);
      const nodes = tokens.map((token) => this.nodeOf(root, token.scopes));
      for (let theme = 0; theme < 2; theme++) {
        // vscode-textmate's binary tokens: a token starts where the attributes change.
        const starts: number[] = [];
        const attributes: number[] = [];
        tokens.forEach((token, index) => {
          const metadata = nodes[index].metadata[theme];
          if (attributes.length > 0 && attributes[attributes.length - 1] === metadata) return;
          starts.push(token.startIndex);
          attributes.push(metadata);
        });
        const themed: ThemedToken[] = [];
        for (let j = 0; j < starts.length; j++) {
          const end = j + 1 < starts.length ? starts[j + 1] : line.length;
          if (starts[j] === end) continue;
          themed.push({
            content: line.substring(starts[j], end),
            offset: lineOffset + starts[j],
            color: applyColorReplacements(this.colorMaps[theme][EncodedTokenMetadata.getForeground(attributes[j])], this.replacements[theme]),
            fontStyle: EncodedTokenMetadata.getFontStyle(attributes[j]),
          });
        }
        result[theme].push(themed);
      }
      stack = ruleStack;
    }
    return result;
  }

  /** The node of a token's scope path, below the grammar's defaults. */
  private nodeOf(root: ScopeNode, scopes: readonly string[]): ScopeNode {
    let node = root;
    for (const scope of scopes) {
      let child = node.children.get(scope);
      if (!child) {
        child = this.child(root.grammar, node, scope);
        node.children.set(scope, child);
      }
      node = child;
    }
    return node;
  }

  /** vscode-textmate's `AttributedScopeStack._pushAttributed`, for both themes. */
  private child(grammar: TextmateGrammar, parent: ScopeNode, scope: string): ScopeNode {
    const path: ScopePath = { parent: parent.path, scopeName: scope };
    const basic = grammar.getMetadataForScope(scope);
    const metadata = this.textmateThemes.map((theme, index) => {
      const style = theme.match(path as never);
      return EncodedTokenMetadata.set(
        parent.metadata[index],
        basic.languageId,
        basic.tokenType,
        null,
        style ? style.fontStyle : -1,
        style ? style.foregroundId : 0,
        style ? style.backgroundId : 0,
      );
    });
    this.remembered++;
    return { grammar, path, metadata, children: new Map() };
  }

  /** How many scope paths are remembered, for tests. */
  get rememberedPaths(): number {
    return this.remembered;
  }

  /**
   * The grammar's root: vscode-textmate's default attributes for each theme. Undefined where Shiki's own path is
   * needed: plain text and ANSI, and grammars that set token types or match brackets by scope, which change the
   * attributes after the theme.
   */
  private rootOf(lang: Language): ScopeNode | undefined {
    const grammar = isSpecialLang(lang) ? undefined : (this.shiki.getLanguage(lang) as unknown as TextmateGrammar);
    // A grammar loaded again (a language that injects into it was loaded since) starts afresh.
    const known = this.roots.get(lang);
    if (this.roots.has(lang) && (known === undefined || known.grammar === grammar)) return known;
    let root: ScopeNode | undefined;
    const brackets = grammar?.balancedBracketSelectors;
    const plainBrackets = !brackets || brackets.matchesAlways || brackets.matchesNever;
    if (grammar && plainBrackets && grammar._tokenTypeMatchers.length === 0) {
      const basic = grammar._basicScopeAttributesProvider.getDefaultAttributes();
      const metadata = this.textmateThemes.map((theme) => {
        const defaults = theme.getDefaults();
        const attributes = EncodedTokenMetadata.set(0, basic.languageId, basic.tokenType, null, defaults.fontStyle, defaults.foregroundId, defaults.backgroundId);
        // Brackets matched everywhere mark every token alike, as vscode-textmate does last.
        return brackets?.matchesAlways ? EncodedTokenMetadata.set(attributes, 0, 8, true, -1, 0, 0) : attributes;
      });
      root = { grammar, path: null, metadata, children: new Map() };
    }
    this.roots.set(lang, root);
    return root;
  }
}

/** vscode-textmate's ScopeStack, as far as its theme matching reads it. */
interface ScopePath {
  parent: ScopePath | null;
  scopeName: string;
}

interface ScopeNode {
  grammar: TextmateGrammar;
  path: ScopePath | null;
  /** The token attributes of this scope path, per theme. */
  metadata: number[];
  children: Map<string, ScopeNode>;
}

/** The fields of vscode-textmate's Grammar read here besides its public API. */
interface TextmateGrammar extends IGrammar {
  getMetadataForScope(scope: string): { languageId: number; tokenType: number };
  balancedBracketSelectors: { matchesAlways: boolean; matchesNever: boolean } | null;
  _tokenTypeMatchers: unknown[];
  _basicScopeAttributesProvider: { getDefaultAttributes(): { languageId: number; tokenType: number } };
}
