import { CsvError, parse } from "csv-parse/sync";
import { readText } from "../content/read-text.ts";
import { DiagnosticError } from "../diagnostics/diagnostic.ts";

/**
 * `_data/*.csv` and `*.tsv` as Jekyll reads them: a list with one entry per row, keyed by the header row's names,
 * every value text (`site.data.members[0].name`). A malformed file is a `csv-syntax` error at its line.
 */
export function readCsvFile(file: string, display: string, delimiter: "," | "\t"): Record<string, string>[] {
  const text = readText(file, display);
  try {
    return parse(text, { columns: true, delimiter, bom: true, skip_empty_lines: true, relax_column_count_less: true }) as Record<string, string>[];
  } catch (error) {
    if (!(error instanceof CsvError)) throw error;
    throw new DiagnosticError({
      file: display,
      line: (error as CsvError & { lines?: number }).lines,
      severity: "error",
      code: "csv-syntax",
      message: `Invalid ${delimiter === "," ? "CSV" : "TSV"}: ${error.message}`,
      hint: "Give every row the header's number of values, and close each quoted value with a quote.",
    });
  }
}
