import type { QuestionValidation } from "@/lib/campaigns/definition";
import type { QuestionType } from "@/lib/campaigns/kinds";
import type { ShowIf } from "@/lib/campaigns/visibility-rules";

/**
 * What the respondent's form needs to render and validate a campaign: plain
 * data, safe to send to the browser (no scores, no organisation secrets).
 */
export type FormQuestion = {
  id: string;
  type: QuestionType;
  label: string;
  helpText: string;
  required: boolean;
  validation: QuestionValidation;
  options: Array<{ id: string; label: string }>;
  /** Shown only when an earlier answer matches (absent or null: always) */
  showIf?: ShowIf | null;
};

export type FormDefinition = {
  id: string;
  slug: string;
  kind: string;
  locale: "fr" | "en";
  minimumAge: number | null;
  ageCheck: string;
  minorPolicy: string;
  sections: Array<{ id: string; title: string; showIf?: ShowIf | null; questions: FormQuestion[] }>;
  purposes: Array<{ id: string; wording: string }>;
};

/** Under this age in France, marketing consent needs a parent's joint consent. */
export const DIGITAL_CONSENT_AGE = 15;

export function questionsOf(form: Pick<FormDefinition, "sections">): FormQuestion[] {
  return form.sections.flatMap((s) => s.questions);
}

/** The birth-date question of a form, if it has one. */
export function birthDateQuestion(form: Pick<FormDefinition, "sections">): FormQuestion | undefined {
  return questionsOf(form).find((q) => q.type === "BIRTH_DATE");
}

/** Full years between a birth date ("YYYY-MM-DD") and `now`, in the calendar. */
export function ageOn(birthDate: string, now: Date): number {
  const [y, m, d] = birthDate.split("-").map(Number) as [number, number, number];
  let age = now.getFullYear() - y;
  if (now.getMonth() + 1 < m || (now.getMonth() + 1 === m && now.getDate() < d)) age -= 1;
  return age;
}

/** True for a real calendar date written YYYY-MM-DD. */
export function isRealDate(value: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!match) return false;
  const [y, m, d] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d && y >= 1900;
}
