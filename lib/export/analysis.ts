import { at, type Cell, code } from "./cells";
import { answerText, type AnswerWords } from "./rows";
import { storedAnswers } from "@/lib/submission/stored-answers";

/**
 * The analysis export: every accepted response of a campaign, with its answers
 * and scores, for a spreadsheet. Contact details appear only for a person whose
 * consent to at least one of the campaign's purposes counts now (the one rule,
 * lib/consent/current.ts); everyone else is a line of answers without a name.
 */

/** The fixed columns, in order; purposes' yes/no columns follow the contact's, questions come last. */
export const ANALYSIS_COLUMNS = ["response_id", "submitted_at", "confirmed_at", "source", "medium", "email", "first_name", "last_name", "phone", "postal_code"] as const;
export const SCORE_COLUMNS = ["recency_score", "frequency_score", "monetary_score", "segment"] as const;

/** Question types that are the contact's identity: they are the contact columns, so they are not repeated as answers (and cannot leak a non-consenting person's details). */
export const IDENTITY_QUESTION_TYPES: ReadonlySet<string> = new Set(["EMAIL", "FIRST_NAME", "LAST_NAME", "PHONE", "POSTAL_CODE"]);

export type AnalysisShape = {
  purposes: readonly { id: string; header: string }[];
  /** The campaign's profiling purpose: scores only for people consenting to it; none: scores on legitimate interest */
  profilingPurposeId: string | null;
  questions: readonly { id: string; label: string }[];
};

export type AnalysisSourceRow = {
  responseId: string;
  submittedAt: Date;
  confirmedAt: Date | null;
  utmSource: string;
  utmMedium: string;
  email: string;
  firstName: string;
  lastName: string;
  phone: string;
  postalCode: string;
  rScore: number | null;
  fScore: number | null;
  mScore: number | null;
  segment: string | null;
  /** Response.data with minors' birth dates already removed */
  data: string;
  /** The campaign's purposes whose consent counts now for this person */
  consentsTo: ReadonlySet<string>;
};

/** The header line: fixed columns by `label(key)`, then the purposes, scores and question labels. */
export function analysisHeader(shape: AnalysisShape, label: (key: string) => string): string[] {
  return [...ANALYSIS_COLUMNS.map(label), ...shape.purposes.map((p) => p.header), ...SCORE_COLUMNS.map(label), ...shape.questions.map((q) => q.label)];
}

/** Whether this person's contact details may leave: their consent to one of the campaign's purposes counts now. */
export function showsContact(row: Pick<AnalysisSourceRow, "consentsTo">): boolean {
  return row.consentsTo.size > 0;
}

/** Whether the scores may leave: consent to the profiling purpose when there is one (otherwise legitimate interest, objection already removed them). */
export function showsScores(row: Pick<AnalysisSourceRow, "consentsTo">, shape: Pick<AnalysisShape, "profilingPurposeId">): boolean {
  return shape.profilingPurposeId === null || row.consentsTo.has(shape.profilingPurposeId);
}

const score = (n: number | null): Cell => (n === null || n === undefined ? null : n);

/** The cells of one response, in the header's order. */
export function analysisCells(row: AnalysisSourceRow, shape: AnalysisShape, options: ReadonlyMap<string, string>, words: AnswerWords): Cell[] {
  const contact = showsContact(row);
  const scores = showsScores(row, shape);
  const answers = storedAnswers(row.data);
  return [
    row.responseId,
    at(row.submittedAt),
    at(row.confirmedAt),
    row.utmSource || "direct",
    row.utmMedium,
    contact ? row.email : "",
    contact ? row.firstName : "",
    contact ? row.lastName : "",
    contact ? code(row.phone) : "",
    contact ? code(row.postalCode) : "",
    ...shape.purposes.map((p) => (row.consentsTo.has(p.id) ? words.yes : words.no)),
    scores ? score(row.rScore) : null,
    scores ? score(row.fScore) : null,
    scores ? score(row.mScore) : null,
    scores && row.segment !== null ? (words.segments?.get(row.segment) ?? row.segment) : "",
    ...shape.questions.map((q) => answerText(answers[q.id], options, words)),
  ];
}
