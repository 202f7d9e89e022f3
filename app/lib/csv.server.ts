import { parse } from "csv-parse/sync";
import { stringify } from "csv-stringify/sync";

export type CsvValue = string | number | null | undefined;

/**
 * A cell a spreadsheet would run as a formula (=, +, -, @, tab, CR) is written
 * with a leading apostrophe: exported names and texts come from users.
 */
function safeCell(value: CsvValue): string | number {
  if (value === null || value === undefined) return "";
  if (typeof value === "number") return value;
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

/** CSV for spreadsheets: UTF-8 with a byte-order mark (so Georgian and Armenian names open correctly), CRLF lines. */
export function toCsv(header: string[], rows: CsvValue[][]): string {
  const body = stringify([header, ...rows.map((r) => r.map(safeCell))], { record_delimiter: "windows" });
  return `\uFEFF${body}`;
}

export function csvResponse(csv: string, filename: string) {
  return new Response(csv, {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="${filename.replace(/[^A-Za-z0-9._-]/g, "-")}"`,
      "Cache-Control": "private, no-store",
    },
  });
}

/** Rows of a CSV file as records keyed by the (trimmed, lower-cased) header; a BOM is ignored. */
export function parseCsvRecords(text: string): Array<Record<string, string>> {
  return parse(text, {
    bom: true,
    columns: (header: string[]) => header.map((h) => h.trim().toLowerCase()),
    skip_empty_lines: true,
    trim: true,
    relax_column_count: true,
  }) as Array<Record<string, string>>;
}
