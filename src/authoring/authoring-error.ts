/**
 * A refusal of an authoring command: one line that says what is wrong and what to do instead.
 * Commands collect every refusal before they print, so a writer fixes all of them in one go.
 */
export class AuthoringError extends Error {
  constructor(readonly problems: string[]) {
    super(problems.join("\n"));
    this.name = "AuthoringError";
  }
}

export function refuseIfAny(problems: string[]): void {
  if (problems.length > 0) throw new AuthoringError(problems);
}
