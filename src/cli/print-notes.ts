/** Info lines of a build (SiteBuild.notes), each once, on stderr: beside the report, never inside `--format json`. */
export function printNotes(notes: readonly string[] | undefined, stream: NodeJS.WritableStream = process.stderr): void {
  for (const note of notes ?? []) stream.write(`info: ${note}\n`);
}
