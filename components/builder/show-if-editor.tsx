"use client";
import { useWatch } from "react-hook-form";
import { useTranslations } from "next-intl";
import { CONDITION_SOURCE_TYPES, type ShowIf } from "@/lib/campaigns/visibility-rules";
import { scaleRange } from "@/lib/campaigns/scale";
import { isAlwaysShown } from "@/lib/campaigns/show-if-checks";
import type { CampaignDefinitionInput } from "@/lib/campaigns/definition";
import { Button } from "@/components/ui/button";
import { Select } from "@/components/ui/field";
import { useBuilderForm } from "./campaign-builder";

type Section = CampaignDefinitionInput["sections"][number];
type Question = Section["questions"][number];
/** A closed question placed before the one being edited: what a condition may test. */
type Source = { s: number; i: number; id?: string; question: Question };

/** A temporary id for a question or option not saved yet: the save maps it to the stored id. */
const temporaryId = () => `new-${Date.now().toString(36)}${Math.random().toString(36).slice(2, 8)}`;

/** The questions before position (s, i): every question of earlier sections, and for a question, the earlier ones of its section. */
function sourcesBefore(sections: Section[], s: number, i: number | null): Source[] {
  const out: Source[] = [];
  sections.forEach((section, si) =>
    section.questions.forEach((question, qi) => {
      const before = si < s || (i !== null && si === s && qi < i);
      if (before && (CONDITION_SOURCE_TYPES as readonly string[]).includes(question.type)) out.push({ s: si, i: qi, id: question.id, question });
    }),
  );
  return out;
}

/**
 * The "Afficher si…" control of a question (`i` given) or a section: pick an earlier closed
 * question, tick the answers that show this one. Conditions name questions and options by id;
 * one not saved yet gets a temporary id here.
 */
export function ShowIfEditor({ s, i = null }: { s: number; i?: number | null }) {
  const t = useTranslations("builder.showIf");
  const { control, setValue, getValues, err } = useBuilderForm();
  const path = (i === null ? `sections.${s}` : `sections.${s}.questions.${i}`) as `sections.${number}`;
  const showIf = useWatch({ control, name: `${path}.showIf` }) as ShowIf | null | undefined;
  const sections = (useWatch({ control, name: "sections" }) ?? []) as Section[];
  const sources = sourcesBefore(sections, s, i);
  const set = (value: ShowIf | null) => setValue(`${path}.showIf`, value as never, { shouldDirty: true, shouldValidate: value === null });
  const idOf = (source: Source): string => {
    if (source.id) return source.id;
    const id = temporaryId();
    setValue(`sections.${source.s}.questions.${source.i}.id`, id, { shouldDirty: true });
    return id;
  };
  const prefix = i === null ? `section-${s}` : `q-${s}-${i}`;
  const error = err(`${path}.showIf`) ?? err(`${path}.showIf.questionId`) ?? err(`${path}.showIf.anyOf`);

  if (!showIf) {
    // Nothing closed comes before it (the first questions): no condition to offer.
    if (sources.length === 0) return null;
    // The e-mail and the birth date are asked of everyone (the save refuses a condition that could hide them).
    const targets = i === null ? (sections[s]?.questions ?? []) : [sections[s]?.questions[i]];
    if (targets.some((q) => q && isAlwaysShown(q.type))) return null;
    return (
      <div className="mt-3">
        <Button variant="secondary" onClick={() => set({ questionId: "", anyOf: [] })} data-testid={`${prefix}-show-if-add`}>
          {t("add")}
        </Button>
      </div>
    );
  }

  const current = sources.find((src) => src.id && src.id === showIf.questionId);
  // The source moved after this one or was removed: say so now, the save refuses it too.
  const lost = showIf.questionId !== "" && !current;
  const values = current ? valuesOf(current, (k) => {
    const options = getValues(`sections.${current.s}.questions.${current.i}.options`) ?? [];
    const option = options[k];
    if (!option) return "";
    if (option.id) return option.id;
    const id = temporaryId();
    setValue(`sections.${current.s}.questions.${current.i}.options.${k}.id`, id, { shouldDirty: true });
    return id;
  }) : [];
  const label = (v: { kind: "yes" | "no" | "text"; text: string }) => (v.kind === "text" ? v.text : t(v.kind));

  return (
    <fieldset className="mt-3 rounded-md border border-dashed border-line p-3" data-testid={`${prefix}-show-if`}>
      <legend className="px-1 text-sm font-medium">{t("legend")}</legend>
      {sources.length === 0 && <p className="text-sm text-muted">{t("noSource")}</p>}
      <div className="flex flex-wrap items-end gap-2">
        <div>
          <label htmlFor={`${prefix}-show-if-question`} className="block text-sm">
            {t("question")}
          </label>
          <Select
            id={`${prefix}-show-if-question`}
            className="w-auto max-w-md py-1"
            value={current ? String(sources.indexOf(current)) : ""}
            onChange={(e) => {
              const source = sources[Number(e.target.value)];
              if (source) set({ questionId: idOf(source), anyOf: [] });
            }}
          >
            <option value="">{t("choose")}</option>
            {sources.map((src, k) => (
              <option key={`${src.s}-${src.i}`} value={String(k)}>
                {src.question.label || t("untitled", { n: src.i + 1 })}
              </option>
            ))}
          </Select>
        </div>
        <Button variant="ghost" onClick={() => set(null)}>
          {t("remove")}
        </Button>
      </div>
      {current && (
        <div className="mt-2">
          <p className="text-sm">{t("values")}</p>
          <div className="mt-1 flex flex-wrap gap-x-4 gap-y-1">
            {values.map((v) => {
              const checked = v.value !== "" && showIf.anyOf.includes(v.value);
              return (
                <label key={v.key} className="flex items-center gap-2 text-sm">
                  <input
                    type="checkbox"
                    className="size-4"
                    checked={checked}
                    onChange={(e) => {
                      const value = v.resolve();
                      if (!value) return;
                      const anyOf = e.target.checked ? [...new Set([...showIf.anyOf, value])] : showIf.anyOf.filter((x) => x !== value);
                      set({ questionId: showIf.questionId, anyOf });
                    }}
                  />
                  {label(v)}
                </label>
              );
            })}
          </div>
        </div>
      )}
      {lost && <p className="mt-2 text-sm text-red-700">{t("lost")}</p>}
      {error && (
        <p role="alert" className="mt-2 text-sm text-red-700">
          {error}
        </p>
      )}
    </fieldset>
  );
}

type ConditionValue = { key: string; value: string; kind: "yes" | "no" | "text"; text: string; resolve: () => string };

/** The answers of a source a condition can name; an option without id gets one when ticked. */
function valuesOf(source: Source, optionId: (k: number) => string): ConditionValue[] {
  const q = source.question;
  const fixed = (value: string, kind: ConditionValue["kind"], text = value): ConditionValue => ({ key: value, value, kind, text, resolve: () => value });
  if (q.type === "YES_NO") return [fixed("yes", "yes"), fixed("no", "no")];
  if (q.type === "SCALE") {
    const v = q.validation ?? {};
    const num = (x: unknown) => (x === "" || x == null ? null : Number(x));
    const { min, max } = scaleRange({ min: num(v.min), max: num(v.max) });
    return Array.from({ length: max - min + 1 }, (_, k) => fixed(String(min + k), "text"));
  }
  return (q.options ?? []).map((o, k) => ({ key: `o-${k}`, value: o.id ?? "", kind: "text", text: o.label || `#${k + 1}`, resolve: () => optionId(k) }));
}
