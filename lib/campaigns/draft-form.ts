// The builder's unsaved draft as the respondent form's own definition, for the live preview:
// what the form would show if the draft were saved now, however incomplete the draft is.
import type { CampaignDefinitionInput, QuestionValidation } from "./definition";
import type { QuestionType } from "./kinds";
import type { FormDefinition } from "@/lib/submission/form-definition";
import type { ShowIf } from "./visibility-rules";

/** A number typed in a text box ("" or junk: none). */
function numberOf(value: unknown): number | null {
  if (value === "" || value === null || value === undefined) return null;
  const n = Number(value);
  return Number.isFinite(n) ? n : null;
}

function validationOf(v: Record<string, unknown> | undefined): QuestionValidation {
  const label = (value: unknown) => (typeof value === "string" && value.trim() ? value.trim() : undefined);
  return { min: numberOf(v?.min), max: numberOf(v?.max), maxLength: numberOf(v?.maxLength), minLabel: label(v?.minLabel), maxLabel: label(v?.maxLabel) };
}

/** A show-if condition once it is complete (a question and at least one value chosen); half-made: none yet. */
function showIfOf(c: Partial<ShowIf> | null | undefined): ShowIf | null {
  return c?.questionId && c.anyOf?.length ? { questionId: c.questionId, anyOf: [...c.anyOf] } : null;
}

/**
 * The form definition of a draft. Unsaved sections, questions and options get ids from their
 * place (draft-…), sections without questions are left out (as on the public form), choices
 * not typed yet and purposes without wording are not shown (a box without words helps no
 * one), and complete show-if conditions apply as they will on the public form.
 */
export function draftFormDefinition(draft: Partial<CampaignDefinitionInput>, campaign: { id: string; kind: string }): FormDefinition {
  const minimumAge = numberOf(draft.minimumAge);
  return {
    id: campaign.id,
    slug: draft.slug ?? "",
    kind: campaign.kind,
    locale: draft.locale === "en" ? "en" : "fr",
    minimumAge,
    ageCheck: draft.ageCheck ?? "BIRTHDATE",
    minorPolicy: draft.minorPolicy ?? "REFUSE",
    sections: (draft.sections ?? [])
      .map((s, si) => ({
        id: s.id || `draft-s${si}`,
        title: s.title?.trim() ?? "",
        showIf: showIfOf(s.showIf),
        questions: (s.questions ?? []).map((q, qi) => ({
          id: q.id || `draft-s${si}-q${qi}`,
          type: q.type as QuestionType,
          label: q.label ?? "",
          helpText: q.helpText ?? "",
          required: Boolean(q.required),
          validation: validationOf(q.validation as Record<string, unknown> | undefined),
          options: (q.options ?? []).flatMap((o, oi) => (o.label?.trim() ? [{ id: o.id || `draft-s${si}-q${qi}-o${oi}`, label: o.label }] : [])),
          showIf: showIfOf(q.showIf),
        })),
      }))
      .filter((s) => s.questions.length > 0),
    purposes: (draft.purposes ?? []).filter((p) => p.wording?.trim()).map((p, pi) => ({ id: p.id || `draft-p${pi}`, wording: p.wording.trim() })),
  };
}

/**
 * Strings resolved once on the server with `{name}` left in them (the preview's age, prize…
 * change as the draft does), filled in with the draft's values.
 */
export function fillIn<T>(strings: T, values: Record<string, string | number | null>): T {
  const fill = (value: unknown): unknown =>
    typeof value === "string"
      ? value.replace(/\{(\w+)\}/g, (whole, name: string) => (name in values ? String(values[name] ?? "") : whole))
      : value && typeof value === "object"
        ? Object.fromEntries(Object.entries(value).map(([k, v]) => [k, fill(v)]))
        : value;
  return fill(strings) as T;
}
