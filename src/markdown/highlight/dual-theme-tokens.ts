import { EncodedTokenMetadata, INITIAL, Theme, type IGrammar, type StateStack } from "@shikijs/vscode-textmate";
import { applyColorReplacements, flatTokenVariants, isSpecialLang, resolveColorReplacements, splitLines } from "@shikijs/core";
import type { BundledLanguage, CodeToTokensWithThemesOptions, HighlighterCore, SpecialLanguage, ThemedToken, TokensResult } from "shiki";
import { loadGrammar } from "./grammar-loader.ts";

type Language = BundledLanguage | SpecialLanguage;

/**
 * Scopes of a token beyond which Shiki's own path is taken. Each token's scopes are looked up from the grammar's
 * root, so a token costs time in proportion to its depth here, where Shiki's binary tokens cost the same at any
 * depth: past about 60 (JSON nested some 20 levels) Shiki is the faster, and 5,000 `[` on a line took 75 times its time.
 */
const MAX_SCOPE_DEPTH = 64;

/**
 * Lines this long or longer are left as plain text (Shiki's `tokenizeMaxLineLength`). A grammar's time on a line can
 * grow far faster than its length: one JavaScript identifier of 1,000 characters took 141 ms, of 2,000 419 ms, of
 * 5,000 3.0 s and of 10,000 15 s, with no sign of progress. JSON and shell lines of 5,000 took 14-28 ms, so a long
 * line of those loses its colours only to keep that one case in bounds.
 */
export const MAX_HIGHLIGHTED_LINE = 2_000;

/**
 * Shiki's `codeToTokens` for two themes without a default colour, tokenizing the code once instead of once per
 * theme. Shiki runs the grammar for each theme because vscode-textmate colours tokens with the theme set while
 * it tokenizes; but where tokens start and which scopes they carry does not depend on the theme. So the grammar
 * runs once, giving each token its scopes, and each theme's token attributes are worked out from those scopes
 * exactly as vscode-textmate works them out (AttributedScopeStack: defaults, then each scope's language, token
 * type and theme match in turn), remembered per scope path. Neighbours merge where both themes' attributes are
 * equal, which is where Shiki's alignment of the two themes' own tokens leaves them whole, and each pair of
 * attributes gets its style from Shiki's own `flatTokenVariants`, once.
 *
 * test/unit/markdown/highlight/dual-theme-tokens.test.ts holds the result to Shiki's own for every language.
 * package.json pins @shikijs/core and @shikijs/vscode-textmate to the versions Shiki itself installs.
 */
export class DualThemeTokenizer {
  private readonly shiki: HighlighterCore;
  private readonly options: Required<Pick<CodeToTokensWithThemesOptions, "themes" | "tokenizeTimeLimit" | "tokenizeMaxLineLength">> & {
    defaultColor: false;
  };
  private readonly order: Array<"light" | "dark">;
  private readonly resolvedThemes: Array<ReturnType<HighlighterCore["getTheme"]>>;
  /** vscode-textmate's themes, made again when the scope paths are forgotten: each keeps a match cache by scope name. */
  private textmateThemes: Theme[];
  private readonly colorMaps: string[][];
  private readonly replacements: ReturnType<typeof resolveColorReplacements>[];
  /** What does not depend on the code: the block's colours and classes, from one call to Shiki. */
  private readonly frame: Omit<TokensResult, "tokens">;
  /** Each language's scope paths met so far, under its grammar's root; undefined for languages on Shiki's path. */
  private readonly roots = new Map<string, ScopeNode | undefined>();
  private remembered = 0;
  /** The style of each pair of attributes (by the first theme's, then the second's), shared by their tokens. */
  private readonly styles = new Map<number, Map<number, Record<string, string>>>();

  /**
   * `maxRememberedPaths`: some scope names carry text of the code (an HTML attribute's name, a heredoc's
   * delimiter), so the scope paths met grow with what a long-running preview highlights; past this many, they
   * are forgotten, with the themes' caches, and worked out again. (The grammars' own caches by scope name, in
   * vscode-textmate, grow with such names as they do under Shiki alone.)
   */
  constructor(
    shiki: HighlighterCore,
    themes: { light: string; dark: string },
    private readonly maxRememberedPaths = 50_000,
  ) {
    this.shiki = shiki;
    // No default colour: no inline `color:`, every token carries --shiki-light / --shiki-dark for the site CSS to
    // pick. Shiki stops tokenising a line after 500 ms by default and leaves the rest uncoloured: on a busy machine
    // (a cold grammar's first line compiles its regexes) that made two builds of one tree differ. No time limit here:
    // a limit on a line's length instead (MAX_HIGHLIGHTED_LINE), which gives the same output on any machine.
    this.options = { themes, defaultColor: false, tokenizeTimeLimit: 0, tokenizeMaxLineLength: MAX_HIGHLIGHTED_LINE };
    // Shiki writes each theme's variables in the order of its `themes` option; the attributes below are kept in it.
    this.order = Object.keys(themes) as Array<keyof typeof themes>;
    this.resolvedThemes = this.order.map((key) => shiki.getTheme(themes[key]));
    this.textmateThemes = this.freshThemes();
    this.colorMaps = this.textmateThemes.map((theme) => theme.getColorMap());
    this.replacements = this.resolvedThemes.map((theme) => resolveColorReplacements(theme, this.options));
    const { tokens: _tokens, grammarState: _state, ...frame } = shiki.codeToTokens("", { lang: "text", ...this.options });
    this.frame = frame;
  }

  /**
   * Shiki's `codeToTokens(code, { lang, themes, defaultColor: false, tokenizeTimeLimit: 0, tokenizeMaxLineLength })`,
   * its grammar loaded first.
   */
  codeToTokens(code: string, lang: Language): TokensResult {
    loadGrammar(this.shiki, lang);
    if (this.remembered > this.maxRememberedPaths) {
      this.roots.clear();
      this.styles.clear();
      this.textmateThemes = this.freshThemes();
      this.remembered = 0;
    }
    const root = this.rootOf(lang);
    const tokens = root && this.tokenize(code, root);
    if (!tokens) return this.shiki.codeToTokens(code, { lang, ...this.options });
    return { ...this.frame, tokens };
  }

  /** vscode-textmate's themes as Shiki's registry makes them, each with its own colour map and an empty match cache. */
  private freshThemes(): Theme[] {
    return this.resolvedThemes.map((theme) => Theme.createFromRawTheme(theme));
  }

  /**
   * The tokens Shiki gives for both themes. Shiki merges each theme's neighbours of equal attributes, then splits
   * both themes' tokens wherever either has a boundary, and gives each piece both themes' styles: that is, a token
   * starts where the attributes change in either theme. So neighbours merge here when equal in both. Undefined
   * for code nested deeper than MAX_SCOPE_DEPTH, which Shiki's own path takes.
   */
  private tokenize(code: string, root: ScopeNode): ThemedToken[][] | undefined {
    const result: ThemedToken[][] = [];
    let stack: StateStack = INITIAL;
    for (const [line, lineOffset] of splitLines(code)) {
      // Shiki leaves an empty line untokenized, its state unchanged.
      if (line === "") {
        result.push([]);
        continue;
      }
      // Shiki leaves it as plain text, and the lines after it in the state before it: its own path does that.
      if (line.length >= MAX_HIGHLIGHTED_LINE) return undefined;
      const { tokens, ruleStack } = root.grammar.tokenizeLine(line, stack, 0);
      const themed: ThemedToken[] = [];
      let start = 0;
      let current: ScopeNode | undefined;
      for (const token of tokens) {
        if (token.scopes.length > MAX_SCOPE_DEPTH) return undefined;
        const node = this.nodeOf(root, token.scopes);
        if (current && node.metadata[0] === current.metadata[0] && node.metadata[1] === current.metadata[1]) continue;
        // A token of no text still ends the one before it, as in vscode-textmate's binary tokens.
        if (current && token.startIndex > start) themed.push(this.themedToken(line, lineOffset, start, token.startIndex, current));
        start = token.startIndex;
        current = node;
      }
      if (current && start < line.length) themed.push(this.themedToken(line, lineOffset, start, line.length, current));
      result.push(themed);
      stack = ruleStack;
    }
    return result;
  }

  private themedToken(line: string, lineOffset: number, start: number, end: number, node: ScopeNode): ThemedToken {
    return { content: line.substring(start, end), explanation: undefined, offset: lineOffset + start, htmlStyle: this.styleOf(node.metadata) };
  }

  /**
   * The style of a token of these attributes, as Shiki's `flatTokenVariants` writes it. Made once per pair of
   * attributes and shared by their tokens: a block has a few dozen pairs, and thousands of tokens.
   */
  private styleOf([first, second]: number[]): Record<string, string> {
    let bySecond = this.styles.get(first);
    if (!bySecond) this.styles.set(first, (bySecond = new Map()));
    let style = bySecond.get(second);
    if (!style) {
      const variants = Object.fromEntries(
        [first, second].map((metadata, theme) => [
          this.order[theme],
          {
            color: applyColorReplacements(this.colorMaps[theme][EncodedTokenMetadata.getForeground(metadata)], this.replacements[theme]),
            fontStyle: EncodedTokenMetadata.getFontStyle(metadata),
          },
        ]),
      );
      // Frozen: one object serves every token of the pair, in every block.
      style = Object.freeze(flatTokenVariants({ content: "", offset: 0, variants }, this.order, "--shiki-", false, "css-vars").htmlStyle!);
      bySecond.set(second, style);
    }
    return style;
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
