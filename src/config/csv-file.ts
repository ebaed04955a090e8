import { CsvError, parse } from "csv-parse/sync";
import { readText } from "../content/read-text.ts";
import { DiagnosticError } from "../diagnostics/diagnostic.ts";

/**
 * `_data/*.csv` and `*.tsv` as Jekyll reads them (Ruby's CSV with headers): a list with one entry per row, keyed by
 * the header row's names, every value text (`site.data.members[0].name`); an empty field and a short row's missing
 * values are nil, and a long row's extra values are dropped. A malformed file (a quote never closed) is a `csv-syntax` error at its line.
 */
export function readCsvFile(file: string, display: string, delimiter: "," | "\t"): Record<string, string | null>[] {
  const text = readText(file, display);
  try {
    let headers: string[] = [];
    const rows = parse(text, {
      columns: (header: string[]) => (headers = header),
      delimiter,
      bom: true,
      skip_empty_lines: true,
      relax_column_count: true,
      // Ruby's CSV reads an empty field as nil, an empty quoted one ("") as empty text.
      cast: (value, context) => (value === "" && !context.quoting ? null : value),
    }) as Record<string, string | null>[];
    return rows.map((row) => Object.fromEntries(headers.map((name) => [name, row[name] ?? null])));
  } catch (error) {
    if (!(error instanceof CsvError)) throw error;
    throw new DiagnosticError({
      file: display,
      line: (error as CsvError & { lines?: number }).lines,
      severity: "error",
      code: "csv-syntax",
      message: `Invalid ${delimiter === "," ? "CSV" : "TSV"}: ${error.message}`,
      hint: "Close each quoted value with a quote, and write a quote inside one as two quotes.",
    });
  }
}
