import path from "node:path";
import { DiagnosticError, type Diagnostic } from "../diagnostics/diagnostic.ts";
import { closestMatch } from "../diagnostics/did-you-mean.ts";
import { HintedError } from "./hinted-error.ts";
import { chainOf, originOf } from "./include-chain.ts";
import { PartialPathError } from "./partial-files.ts";

interface LiquidLikeError {
  name?: string;
  message: string;
  token?: { file?: string; getPosition(): [number, number]; input?: string };
  originalError?: unknown;
}

/** Turns an error out of liquidjs into a diagnostic at the file and line where the writer must fix it. */
export function liquidDiagnostic(
  error: unknown,
  context: { sourceDir: string; fallbackFile: string; knownPageKeys?: readonly string[] },
): Diagnostic {
  const err = error as LiquidLikeError;
  const cause = innermost(err);
  // A partial or layout that could not be read (not UTF-8) is that file's problem, whichever page reached it.
  if (cause instanceof DiagnosticError) return { ...cause.diagnostic, file: displayPath(context.sourceDir, cause.diagnostic.file) };
  const token = err.token;
  const absFile = token?.file ?? originOf(error) ?? context.fallbackFile;
  const [line, column] = token ? token.getPosition() : [undefined, undefined];
  const diagnostic: Diagnostic = {
    file: displayPath(context.sourceDir, absFile),
    line,
    column,
    severity: "error",
    code: "liquid-error",
    message: stripPosition(cause.message),
  };

  const chain = chainOf(error);
  if (chain.length) diagnostic.chain = chain.map((link) => `${displayPath(context.sourceDir, link.file)}:${link.line}`);

  const undefinedVariable = /undefined variable: (\S+)/.exec(cause.message);
  if (cause instanceof HintedError) {
    diagnostic.code = cause.code;
    diagnostic.hint = cause.hint;
  } else if (undefinedVariable) {
    const name = undefinedVariable[1];
    diagnostic.code = "liquid-undefined-variable";
    diagnostic.message = `Undefined variable "${name}"`;
    diagnostic.hint = undefinedVariableHint(name, context.knownPageKeys ?? []);
  } else if (/tag .* not found/.test(cause.message)) {
    diagnostic.code = "liquid-unknown-tag";
    diagnostic.hint =
      "Check the tag's spelling, and that every block tag ({% if %}, {% for %}) is closed; a tag of the site's own " +
      "is defined in a plugin in _plugins/ (see README 'Plugins').";
  } else if (cause instanceof PartialPathError) {
    diagnostic.code = "liquid-include";
    diagnostic.hint = cause.hint;
  } else if (err.name === "ParseError" || err.name === "TokenizationError") {
    diagnostic.code = "liquid-syntax";
    diagnostic.hint = "Check that every {{ is closed by }} and every {% by %}; wrap literal braces in {% raw %}…{% endraw %}.";
  }
  return diagnostic;
}

export function undefinedVariableHint(name: string, knownPageKeys: readonly string[]): string {
  const [root, key] = name.split(".");
  if (root === "page" && key) {
    const suggestion = closestMatch(key, knownPageKeys);
    if (suggestion) return `Did you mean page.${suggestion}?`;
    return `Add "${key}:" to the page's front matter, or guard the use with {% if page.${key} %}.`;
  }
  if (root === "include" && key) return `Pass ${key}="…" to the include tag.`;
  if (root === "site") return "Define it in _config.yml (site.*) or in a _data/ file (site.data.*).";
  return "Define the variable before it is used, or guard it with {% if %}.";
}

function innermost(err: LiquidLikeError): LiquidLikeError {
  let current = err;
  while (current.originalError && typeof current.originalError === "object") {
    current = current.originalError as LiquidLikeError;
  }
  return current;
}

/** liquidjs appends ", file:…, line:…, col:…" to messages; we report position separately. */
function stripPosition(message: string): string {
  return message.split("\n")[0].replace(/,\s*(file:.*?,\s*)?line:\d+, col:\d+$/, "");
}

/**
 * `file` as reports name it: relative to the source root with forward slashes, or as given when outside it.
 * Remembered per root: every link of every page is placed with it, and path.relative resolves both paths anew.
 */
export function displayPath(sourceDir: string, file: string): string {
  if (!path.isAbsolute(file)) return file;
  // A relative root is resolved against the working folder, which may change: not remembered.
  if (!path.isAbsolute(sourceDir)) return relativeDisplayPath(sourceDir, file);
  let shown = shownPaths.get(sourceDir);
  if (!shown) shownPaths.set(sourceDir, (shown = new Map()));
  let display = shown.get(file);
  if (display === undefined) shown.set(file, (display = relativeDisplayPath(sourceDir, file)));
  return display;
}

function relativeDisplayPath(sourceDir: string, file: string): string {
  const rel = path.relative(sourceDir, file);
  return (rel.startsWith("..") ? file : rel).split(path.sep).join("/");
}

const shownPaths = new Map<string, Map<string, string>>();
