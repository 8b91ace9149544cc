import type { ExportColumn } from "./columns";
import { at, type Cell, code } from "./cells";
import { storedAnswers } from "@/lib/submission/stored-answers";

/** One lead as read from the database for an export (see queries.ts). */
export type ExportSourceRow = {
  responseId: string;
  email: string;
  firstName: string;
  lastName: string;
  phone: string;
  postalCode: string;
  consentDate: Date | null;
  consentSource: string;
  rScore: number | null;
  fScore: number | null;
  mScore: number | null;
  segment: string | null;
  /** Response.data: JSON text of the answers keyed by question id */
  data: string;
  /** The purposes whose consent counts now (lib/consent/current.ts), for the yes/no column of each purpose */
  consentsTo?: ReadonlySet<string>;
};

/** Labels of the choice options, to write "Granulés" rather than an option id. */
type OptionLabels = ReadonlyMap<string, string>;
/** The words of an export or a page in its language: yes/no answers, segment codes' names ("CHAMPIONS" → "Champions"). */
export type AnswerWords = { yes: string; no: string; segments?: ReadonlyMap<string, string> };

/** Renders one answer as text: choices by their labels, several values joined by " | ", yes/no in words. */
export function answerText(value: unknown, options: OptionLabels, words: AnswerWords): string {
  if (value === null || value === undefined) return "";
  if (Array.isArray(value)) return value.map((v) => answerText(v, options, words)).filter(Boolean).join(" | ");
  if (typeof value === "boolean") return value ? words.yes : words.no;
  if (typeof value === "number") return Number.isFinite(value) ? String(value) : "";
  if (typeof value === "string") return options.get(value) ?? value;
  if (typeof value === "object") {
    // Shapes like { optionId } or { value } or { label }.
    const o = value as Record<string, unknown>;
    if (typeof o.optionId === "string") return options.get(o.optionId) ?? String(o.label ?? o.optionId);
    if ("value" in o) return answerText(o.value, options, words);
    if (typeof o.label === "string") return o.label;
  }
  return "";
}

const score = (n: number | null): Cell => (n === null || n === undefined ? null : n);

/** The cells of one line, in the order of the chosen columns: phone and postal code as codes (kept as text), the consent date as an instant, scores as numbers. */
export function exportCells(row: ExportSourceRow, columns: readonly ExportColumn[], purpose: string, options: OptionLabels, words: AnswerWords): Cell[] {
  let answers: Record<string, unknown> | undefined;
  return columns.map((column) => {
    switch (column.key) {
      case "email":
        return row.email;
      case "first_name":
        return row.firstName;
      case "last_name":
        return row.lastName;
      case "phone":
        return code(row.phone);
      case "postal_code":
        return code(row.postalCode);
      case "consent_purpose":
        return purpose;
      case "consent_date":
        return at(row.consentDate);
      case "consent_source":
        return row.consentSource;
      case "recency_score":
        return score(row.rScore);
      case "frequency_score":
        return score(row.fScore);
      case "monetary_score":
        return score(row.mScore);
      case "segment":
        return row.segment === null ? "" : (words.segments?.get(row.segment) ?? row.segment);
      default: {
        if (column.key.startsWith("p:")) return row.consentsTo?.has(column.key.slice(2)) ? words.yes : words.no;
        if (!column.key.startsWith("q:")) return "";
        answers ??= storedAnswers(row.data);
        return answerText(answers[column.key.slice(2)], options, words);
      }
    }
  });
}
