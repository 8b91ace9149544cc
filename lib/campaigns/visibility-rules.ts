// Show-if logic: a question or a section is shown only when the answer to an earlier
// question matches one of the chosen values. The respondent's browser (to show and hide as
// they answer), the submission schema (to validate only what was shown and drop the rest)
// and analytics (who saw a question) all read this one small module: no imports on purpose,
// it ships in the respondent's bundle.

/** A condition: the answer to `questionId` is one of `anyOf` (option ids, "yes"/"no", or a scale's values as text). */
export type ShowIf = { questionId: string; anyOf: string[] };

/** Question types whose answers a condition can test. */
export const CONDITION_SOURCE_TYPES = ["SINGLE_CHOICE", "MULTIPLE_CHOICE", "YES_NO", "SCALE"] as const;

type RuleQuestion = { id: string; showIf?: ShowIf | null };
type RuleSection = { id: string; showIf?: ShowIf | null; questions: readonly RuleQuestion[] };

/** A condition read from its stored JSON text; anything malformed reads as "no condition". */
export function parseShowIf(json: string | null | undefined): ShowIf | null {
  if (!json) return null;
  try {
    const v = JSON.parse(json) as { questionId?: unknown; anyOf?: unknown };
    if (typeof v.questionId !== "string" || !v.questionId || !Array.isArray(v.anyOf)) return null;
    const anyOf = v.anyOf.filter((x): x is string => typeof x === "string" && x !== "");
    return anyOf.length ? { questionId: v.questionId, anyOf } : null;
  } catch {
    return null;
  }
}

/**
 * An answer as the list of values a condition compares: a radio's or a yes/no's value, a
 * checkbox group's ticked values (react-hook-form gives false, one string or a list), a
 * scale's number. Nothing answered gives [].
 */
export function answerValues(answer: unknown): string[] {
  if (answer === undefined || answer === null || answer === false || answer === "") return [];
  if (Array.isArray(answer)) return answer.filter((v) => typeof v === "string" || typeof v === "number").map(String);
  if (typeof answer === "string" || typeof answer === "number") return [String(answer).trim()];
  return [];
}

/**
 * What is shown for these answers, in form order: a section when its condition holds, a
 * question when its section is shown and its own condition holds. A condition on a question
 * that is itself hidden never holds (its answer does not count), so hiding cascades.
 */
export function visibility(sections: readonly RuleSection[], answers: Readonly<Record<string, unknown>>): { sections: Set<string>; questions: Set<string> } {
  const shown = { sections: new Set<string>(), questions: new Set<string>() };
  const holds = (c: ShowIf | null | undefined) => !c || (shown.questions.has(c.questionId) && answerValues(answers[c.questionId]).some((v) => c.anyOf.includes(v)));
  for (const section of sections) {
    if (!holds(section.showIf)) continue;
    shown.sections.add(section.id);
    for (const q of section.questions) if (holds(q.showIf)) shown.questions.add(q.id);
  }
  return shown;
}

/** The conditions a question's display rests on: its section's, then its own. */
export function conditionsOf(section: { showIf?: ShowIf | null }, question: { showIf?: ShowIf | null }): ShowIf[] {
  return [section.showIf, question.showIf].filter((c): c is ShowIf => Boolean(c));
}
