import { ageOn, isRealDate } from "@/lib/submission/form-definition";

/** Legal majority in France: below it, a person's birth date never leaves in an export. */
export const ADULT_AGE = 18;

/**
 * The answers (Response.data, JSON text) with the birth-date answers of a
 * minor removed: a birth date that makes the person younger than 18 on `now`
 * is left out entirely (the cell is blank, not even the year), so a CSV never
 * carries a child's date of birth. Other answers are untouched.
 */
export function withoutMinorBirthDates(data: string, birthDateQuestionIds: readonly string[], now: Date): string {
  if (birthDateQuestionIds.length === 0) return data;
  let answers: Record<string, unknown>;
  try {
    const parsed: unknown = JSON.parse(data);
    if (!parsed || typeof parsed !== "object" || Array.isArray(parsed)) return data;
    answers = parsed as Record<string, unknown>;
  } catch {
    return data;
  }
  let changed = false;
  for (const id of birthDateQuestionIds) {
    const value = answers[id];
    if (value === undefined) continue;
    // Unreadable dates go too: when in doubt, the date does not leave.
    if (typeof value !== "string" || !isRealDate(value) || ageOn(value, now) < ADULT_AGE) {
      delete answers[id];
      changed = true;
    }
  }
  return changed ? JSON.stringify(answers) : data;
}
