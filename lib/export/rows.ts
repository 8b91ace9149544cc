import type { ExportColumn } from "./columns";
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

const score = (n: number | null) => (n === null || n === undefined ? "" : String(n));

/** The cells of one CSV line, in the order of the chosen columns. */
export function exportCells(row: ExportSourceRow, columns: readonly ExportColumn[], purpose: string, options: OptionLabels, words: AnswerWords): string[] {
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
        return row.phone;
      case "postal_code":
        return row.postalCode;
      case "consent_purpose":
        return purpose;
      case "consent_date":
        return row.consentDate ? row.consentDate.toISOString() : "";
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
        if (!column.key.startsWith("q:")) return "";
        answers ??= storedAnswers(row.data);
        return answerText(answers[column.key.slice(2)], options, words);
      }
    }
  });
}
