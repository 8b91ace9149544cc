import { CONDITION_SOURCE_TYPES, type ShowIf } from "./visibility-rules";
import { scaleRange } from "./scale";

type CheckedQuestion = {
  id?: string;
  type: string;
  options: ReadonlyArray<{ id?: string }>;
  validation: { min?: number | null; max?: number | null };
  showIf?: ShowIf | null;
};
type CheckedSection = { showIf?: ShowIf | null; questions: readonly CheckedQuestion[] };

/**
 * Questions asked of everyone because eligibility rests on them (the e-mail for the one entry
 * per person and the confirmation, the birth date for the age limit): a condition that could
 * hide them would let an entry through unchecked.
 */
export const ALWAYS_SHOWN_TYPES = ["EMAIL", "BIRTH_DATE"] as const;
export const isAlwaysShown = (type: string) => (ALWAYS_SHOWN_TYPES as readonly string[]).includes(type);

export type ShowIfProblem = { path: Array<string | number>; message: string };

/** The values a condition on this question may name: its options' ids, yes/no, or the scale's steps. */
export function conditionValuesOf(q: CheckedQuestion): string[] {
  if (q.type === "YES_NO") return ["yes", "no"];
  if (q.type === "SCALE") {
    const { min, max } = scaleRange(q.validation);
    return Array.from({ length: max - min + 1 }, (_, i) => String(min + i));
  }
  return q.options.map((o) => o.id).filter((id): id is string => Boolean(id));
}

/**
 * Why the conditions of a campaign's sections and questions cannot be kept: each must test a
 * question placed before it (before the section, for a section's condition), which is closed
 * (choices, yes/no, scale), and name values that question has. A condition on a later question,
 * or on itself, is refused: that is what keeps conditions free of cycles. Neither the e-mail nor
 * the birth-date question may carry a condition, nor sit in a section that carries one.
 */
export function showIfProblems(sections: readonly CheckedSection[]): ShowIfProblem[] {
  const problems: ShowIfProblem[] = [];
  const all = new Map<string, CheckedQuestion>();
  for (const s of sections) for (const q of s.questions) if (q.id) all.set(q.id, q);
  const earlier = new Map<string, CheckedQuestion>();
  const check = (c: ShowIf | null | undefined, path: Array<string | number>) => {
    if (!c) return;
    const source = earlier.get(c.questionId);
    if (!source) {
      problems.push({ path, message: all.has(c.questionId) ? "builder.errors.showIfEarlier" : "builder.errors.showIfMissing" });
      return;
    }
    if (!(CONDITION_SOURCE_TYPES as readonly string[]).includes(source.type)) {
      problems.push({ path, message: "builder.errors.showIfType" });
      return;
    }
    const values = conditionValuesOf(source);
    if (c.anyOf.length === 0 || c.anyOf.some((v) => !values.includes(v))) problems.push({ path, message: "builder.errors.showIfValues" });
  };
  sections.forEach((s, si) => {
    if (s.showIf && s.questions.some((q) => isAlwaysShown(q.type))) problems.push({ path: ["sections", si, "showIf"], message: "builder.errors.showIfAlwaysShown" });
    else check(s.showIf, ["sections", si, "showIf"]);
    s.questions.forEach((q, qi) => {
      if (q.showIf && isAlwaysShown(q.type)) problems.push({ path: ["sections", si, "questions", qi, "showIf"], message: "builder.errors.showIfAlwaysShown" });
      else check(q.showIf, ["sections", si, "questions", qi, "showIf"]);
      if (q.id) earlier.set(q.id, q);
    });
  });
  return problems;
}
