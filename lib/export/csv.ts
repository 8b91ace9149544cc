import { stringify } from "csv-stringify/sync";

export const SEPARATORS = [";", ","] as const;
export type Separator = (typeof SEPARATORS)[number];

/** UTF-8 byte order mark: without it, Excel reads UTF-8 as Windows-1252 and mangles accents. */
export const BOM = "\uFEFF";

/**
 * Characters that make a spreadsheet read a cell as a formula or a command
 * (=, +, -, @, and their full-width forms that some spreadsheets normalise),
 * and tab, carriage return and NUL that some programs strip before looking at
 * the first character. RFC 4180 quoting does not stop them.
 */
const DANGEROUS_START = /^[=+\-@\t\r\0\uFF1D\uFF0B\uFF0D\uFF20]/;

/** Neutralises formula injection by prefixing a dangerous cell with an apostrophe (shown as text by spreadsheets). */
export function defuseCell(value: string): string {
  return DANGEROUS_START.test(value) ? `'${value}` : value;
}

/**
 * CSV lines for some rows (RFC 4180: CRLF line ends, fields quoted only when
 * they hold the separator, a quote or a line break, quotes doubled), every
 * cell defused first. Called batch by batch, so the whole file is never in memory.
 */
export function csvLines(rows: readonly (readonly string[])[], separator: Separator): string {
  return csvRecords(rows.map((row) => row.map(defuseCell)), separator);
}

/** CSV lines of cells already made safe (lib/export/cells.ts defuses each cell by its type). */
export function csvRecords(rows: readonly (readonly string[])[], separator: Separator): string {
  if (rows.length === 0) return "";
  return stringify(rows as string[][], { delimiter: separator, record_delimiter: "\r\n", quoted_match: /\r|\n/ });
}
