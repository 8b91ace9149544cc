import type { QuestionType } from "./kinds";
import { parseValidation } from "./validation-json";
import { parseShowIf } from "./visibility-rules";

type StoredQuestion = { id: string; sectionId: string; type: string; label: string; helpText: string; required: boolean; validation: string; showIf: string | null };

/** The fields every reader of a stored question needs, with its validation and show-if JSON parsed. */
export function questionBase(q: StoredQuestion) {
  return { id: q.id, type: q.type as QuestionType, label: q.label, helpText: q.helpText, required: q.required, validation: parseValidation(q.validation), showIf: parseShowIf(q.showIf) };
}

/** Questions grouped under their sections, both in stored order, each question shaped by `shape`. */
export function inSections<Q extends StoredQuestion, R>(sections: Array<{ id: string; title: string; showIf: string | null }>, questions: Q[], shape: (q: Q) => R) {
  return sections.map((s) => ({ id: s.id, title: s.title, showIf: parseShowIf(s.showIf), questions: questions.filter((q) => q.sectionId === s.id).map(shape) }));
}
