import { createInterface } from "node:readline/promises";

/** Asks one question and resolves with the answer as typed. `node:readline/promises` provides one; tests fake it. */
export type Ask = (question: string) => Promise<string>;

/** The writer pressed Ctrl+C or Ctrl+D at a question: the command stops and writes nothing. */
export class PromptCancelled extends Error {
  constructor() {
    super("cancelled at the prompt");
    this.name = "PromptCancelled";
  }
}

/**
 * Runs `use` with an Ask bound to the terminal. Ctrl+C and Ctrl+D end the questions with PromptCancelled
 * instead of a stack trace or a silently paused process.
 */
export async function withTerminalPrompt<T>(use: (ask: Ask, say: (line: string) => void) => Promise<T>): Promise<T> {
  const controller = new AbortController();
  const rl = createInterface({ input: process.stdin, output: process.stdout, signal: controller.signal });
  rl.on("SIGINT", () => controller.abort());
  const ask: Ask = async (question) => {
    try {
      return await rl.question(question, { signal: controller.signal });
    } catch (error) {
      if ((error as { name?: string }).name === "AbortError" || controller.signal.aborted) throw new PromptCancelled();
      throw error;
    }
  };
  try {
    return await use(ask, (line) => process.stdout.write(`${line}\n`));
  } finally {
    rl.close();
  }
}

export interface Question {
  /** The request field the answer fills, such as "name". */
  field: string;
  /** What the writer sees, such as "Element name (shown as the guide's heading)". */
  label: string;
  /** Offered in brackets and used when the answer is empty. */
  suggest?: (answers: Readonly<Record<string, string | undefined>>) => string | undefined;
  /** The refusal for a bad answer, or undefined when it is fine. */
  check: (value: string, answers: Readonly<Record<string, string | undefined>>) => string | undefined;
}

/**
 * Asks, in order, every question whose field has no value yet, repeating a question until its answer passes its
 * check. Answers given as flags are kept and not asked again.
 */
export async function askMissing(
  questions: readonly Question[],
  given: Readonly<Record<string, string | undefined>>,
  ask: Ask,
  say: (line: string) => void,
): Promise<Record<string, string | undefined>> {
  const answers: Record<string, string | undefined> = { ...given };
  for (const question of questions) {
    if (answers[question.field]) continue;
    for (;;) {
      const suggestion = question.suggest?.(answers);
      const typed = (await ask(`${question.label}${suggestion ? ` [${suggestion}]` : ""}: `)).trim();
      const value = typed || suggestion || "";
      const problem = question.check(value, answers);
      if (!problem) {
        answers[question.field] = value;
        break;
      }
      say(`  ${problem}`);
    }
  }
  return answers;
}
