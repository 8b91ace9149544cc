import type { QuestionType } from "./kinds";
import { parseValidation } from "./validation-json";

type StoredQuestion = { id: string; sectionId: string; type: string; label: string; helpText: string; required: boolean; validation: string };

/** The fields every reader of a stored question needs, with its validation JSON parsed. */
export function questionBase(q: StoredQuestion) {
  return { id: q.id, type: q.type as QuestionType, label: q.label, helpText: q.helpText, required: q.required, validation: parseValidation(q.validation) };
}

/** Questions grouped under their sections, both in stored order, each question shaped by `shape`. */
export function inSections<Q extends StoredQuestion, R>(sections: Array<{ id: string; title: string }>, questions: Q[], shape: (q: Q) => R) {
  return sections.map((s) => ({ id: s.id, title: s.title, questions: questions.filter((q) => q.sectionId === s.id).map(shape) }));
}
