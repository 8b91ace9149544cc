import { defuseCell } from "./csv";
import { localDateTime } from "@/lib/time-zone";
import type { CsvTarget } from "./formats";

/**
 * One cell of an export, typed so that each file format writes it right:
 * - a string is text;
 * - `{ code }` is text that looks like a number (phone, postal code) and must
 *   stay text, leading zero included;
 * - a number is a number (scores);
 * - `{ at }` is an instant, written as the wall-clock time of the campaign's zone;
 * - null is an empty cell.
 */
export type Cell = string | number | null | { code: string } | { at: Date };

export const code = (value: string): Cell => (value ? { code: value } : "");
export const at = (value: Date | null): Cell => (value ? { at: value } : null);


/** Codes Excel would read as numbers: digits with spaces, dots, dashes, parentheses and a leading plus. Only these may be wrapped, so no quote or formula can slip in. */
const NUMERIC_LOOKING = /^\+?[0-9][0-9 .()-]{0,39}$/;

/** The wall-clock time of an instant in the campaign's zone, "2026-12-01 08:05:09": a sortable form every spreadsheet and CRM reads as a date. */
export const wallClock = localDateTime;

/**
 * A cell as CSV text. For a spreadsheet, a numeric-looking code is written as
 * `="0612345678"`, the one CSV form Excel keeps as text (a plain 0612345678
 * loses its zero, a quoted one too, an apostrophe shows); CRM imports read
 * text columns as text, so they get the plain value.
 */
export function csvText(cell: Cell, timeZone: string, target: CsvTarget): string {
  if (cell === null) return "";
  if (typeof cell === "string") return defuseCell(cell);
  if (typeof cell === "number") return Number.isFinite(cell) ? String(cell) : "";
  if ("at" in cell) return wallClock(cell.at, timeZone);
  if (target === "spreadsheet" && NUMERIC_LOOKING.test(cell.code)) return `="${cell.code}"`;
  return defuseCell(cell.code);
}

/**
 * A cell as an XLSX value: codes and text as strings (typed cells: Excel never
 * converts them, and a string cell is never a formula, so nothing to defuse),
 * instants as dates whose UTC fields are the campaign's wall-clock time
 * (Excel dates have no zone).
 */
export function xlsxValue(cell: Cell, timeZone: string): string | number | Date | null {
  if (cell === null || typeof cell === "string" || typeof cell === "number") return cell;
  if ("code" in cell) return cell.code;
  const text = wallClock(cell.at, timeZone);
  return new Date(`${text.replace(" ", "T")}Z`);
}
