"use client";
import { useCallback, useEffect, useRef, useState, type ReactNode } from "react";
import { useFieldArray, useWatch, type UseFieldArrayReturn } from "react-hook-form";
import { useTranslations } from "next-intl";
import { QUESTION_TYPES, type QuestionType } from "@/lib/campaigns/kinds";
import { defaultRfmScores } from "@/lib/rfm/score";
import type { CampaignDefinitionInput, QuestionInput } from "@/lib/campaigns/definition";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { Field, Input, Select } from "@/components/ui/field";
import { useBuilderForm } from "./campaign-builder";
import { ShowIfEditor } from "./show-if-editor";
import { ScaleEditor } from "./scale-editor";
import { SortableList } from "./sortable-list";

/** A new question of a type, with two empty options for choices. */
function newQuestion(type: QuestionType, label: string): QuestionInput {
  const choice = type === "SINGLE_CHOICE" || type === "MULTIPLE_CHOICE";
  return {
    type,
    label,
    helpText: "",
    // An e-mail and a birth date exist for the checks they feed: asked of everyone.
    required: type === "EMAIL" || type === "BIRTH_DATE",
    rfmTag: "" as never,
    validation: {},
    options: choice ? [{ label: "", rfmScore: "" as never }, { label: "", rfmScore: "" as never }] : [],
  };
}

export function QuestionsEditor({ locked }: { locked: boolean }) {
  const t = useTranslations("builder");
  const { control, register, getValues, err } = useBuilderForm();
  const sections = useFieldArray({ control, name: "sections" });
  // Each section's question array registers here, so a question can move to another section.
  const arrays = useRef<QuestionArrays>(new Map());
  const registerArray = useCallback((index: number, api: QuestionArray) => void arrays.current.set(index, api), []);
  const moveToSection = (from: number, index: number, to: number) => {
    const question = getValues(`sections.${from}.questions.${index}`);
    arrays.current.get(from)?.remove(index);
    arrays.current.get(to)?.append(question);
  };
  const questions = useWatch({ control, name: "sections" });
  const tags = new Set((questions ?? []).flatMap((s) => s.questions.map((q) => q.rfmTag)).filter(Boolean));
  const missingTags = (["R", "F", "M"] as const).filter((tag) => !tags.has(tag));

  return (
    <Card>
      <h2 className="mb-1 text-lg font-semibold">{t("sections.questions")}</h2>
      <p className="mb-4 text-sm text-muted">{t("hints.questions")}</p>
      {missingTags.length > 0 && (
        <p className="mb-4 rounded-md border border-amber-200 bg-amber-50 px-3 py-2 text-sm text-amber-900" data-testid="rfm-warning">
          {t("rfm.missing", { tags: missingTags.map((tag) => t(`rfm.tag.${tag}`)).join(", ") })}
        </p>
      )}
      {err("sections") && (
        <p role="alert" className="mb-4 text-sm text-red-700">
          {err("sections")}
        </p>
      )}
      {locked && <p className="mb-4 text-sm text-muted">{t("hints.locked")}</p>}
      <SortableList items={sections.fields} onMove={sections.move} nameOf={(s) => t("dnd.section", { n: s + 1 })} className="space-y-6">
        {(section, s, handle) => (
          <fieldset key={section.id} className="rounded-lg border border-line bg-white p-4" data-testid={`section-${s}`}>
            <legend className="px-1 text-sm font-semibold">{t("section", { n: s + 1 })}</legend>
            <div className="mb-4 flex flex-wrap items-end gap-2">
              {handle()}
              <div className="min-w-64 flex-1">
                <Field id={`sections.${s}.title`} label={t("fields.sectionTitle")}>
                  <Input id={`sections.${s}.title`} {...register(`sections.${s}.title`)} />
                </Field>
              </div>
              <Button variant="ghost" disabled={s === 0} onClick={() => sections.move(s, s - 1)} aria-label={t("moveSectionUp", { n: s + 1 })}>
                ↑
              </Button>
              <Button variant="ghost" disabled={s === sections.fields.length - 1} onClick={() => sections.move(s, s + 1)} aria-label={t("moveSectionDown", { n: s + 1 })}>
                ↓
              </Button>
              <Button
                variant="ghost"
                disabled={sections.fields.length === 1}
                onClick={() => window.confirm(t("confirmRemoveSection")) && sections.remove(s)}
              >
                {t("removeSection")}
              </Button>
            </div>
            {s > 0 && <ShowIfEditor s={s} />}
            <SectionQuestions s={s} sectionCount={sections.fields.length} onRegister={registerArray} onMoveToSection={moveToSection} />
          </fieldset>
        )}
      </SortableList>
      <Button variant="secondary" className="mt-4" onClick={() => sections.append({ title: "", questions: [] })}>
        {t("addSection")}
      </Button>
    </Card>
  );
}

type QuestionArray = Pick<UseFieldArrayReturn<CampaignDefinitionInput, `sections.${number}.questions`>, "append" | "remove">;
type QuestionArrays = Map<number, QuestionArray>;

function SectionQuestions({
  s,
  sectionCount,
  onRegister,
  onMoveToSection,
}: {
  s: number;
  sectionCount: number;
  onRegister: (index: number, api: QuestionArray) => void;
  onMoveToSection: (from: number, index: number, to: number) => void;
}) {
  const t = useTranslations("builder");
  const { control, getValues } = useBuilderForm();
  const questions = useFieldArray({ control, name: `sections.${s}.questions` });
  const { append, remove } = questions;
  useEffect(() => onRegister(s, { append, remove }), [onRegister, s, append, remove]);
  const [type, setType] = useState<QuestionType>("SINGLE_CHOICE");
  return (
    <>
      <SortableList
        items={questions.fields}
        onMove={questions.move}
        nameOf={(i) => t("dnd.question", { label: getValues(`sections.${s}.questions.${i}.label`) || i + 1 })}
        as="ol"
        itemAs="li"
        className="space-y-4"
      >
        {(q, i, handle) => (
          <QuestionEditor
            handle={handle}
            s={s}
            i={i}
            count={questions.fields.length}
            onMove={(to) => questions.move(i, to)}
            onRemove={() => window.confirm(t("confirmRemoveQuestion")) && questions.remove(i)}
            sectionCount={sectionCount}
            onMoveToSection={(to) => onMoveToSection(s, i, to)}
          />
        )}
      </SortableList>
      {questions.fields.length === 0 && <p className="text-sm text-muted">{t("noQuestions")}</p>}
      <div className="mt-4 flex flex-wrap items-end gap-2">
        <div>
          <label htmlFor={`add-type-${s}`} className="block text-sm font-medium">
            {t("newQuestionType")}
          </label>
          <Select id={`add-type-${s}`} value={type} onChange={(e) => setType(e.target.value as QuestionType)}>
            {QUESTION_TYPES.map((qt) => (
              <option key={qt} value={qt}>
                {t(`types.${qt}`)}
              </option>
            ))}
          </Select>
        </div>
        <Button variant="secondary" onClick={() => questions.append(newQuestion(type, t(`defaultLabels.${type}`)))}>
          {t("addQuestion")}
        </Button>
      </div>
    </>
  );
}

function QuestionEditor({
  handle,
  s,
  i,
  count,
  onMove,
  onRemove,
  sectionCount,
  onMoveToSection,
}: {
  /** The drag handle of the question in its list, given the question's name */
  handle: (name: string) => ReactNode;
  s: number;
  i: number;
  count: number;
  onMove: (to: number) => void;
  onRemove: () => void;
  sectionCount: number;
  onMoveToSection: (to: number) => void;
}) {
  const t = useTranslations("builder");
  const { control, register, setValue, getValues, err } = useBuilderForm();
  const base = `sections.${s}.questions.${i}` as const;
  const type = useWatch({ control, name: `${base}.type` }) as QuestionType;
  const rfmTag = useWatch({ control, name: `${base}.rfmTag` });
  const label = useWatch({ control, name: `${base}.label` });
  const choice = type === "SINGLE_CHOICE" || type === "MULTIPLE_CHOICE";

  function onTag(value: string) {
    if (!value) return;
    // Propose scores from 5 (first option: most recent, most often, biggest budget) down to 1.
    const options = getValues(`${base}.options`) ?? [];
    const defaults = defaultRfmScores(options.length);
    options.forEach((o, k) => {
      if (o.rfmScore === "" || o.rfmScore == null) setValue(`${base}.options.${k}.rfmScore`, String(defaults[k]) as never, { shouldDirty: true });
    });
  }

  return (
    <div className="rounded-md border border-line bg-surface p-4" data-testid="question">
      <div className="grid gap-3 md:grid-cols-[1fr_14rem]">
        <Field id={`${base}.label`} label={t("fields.questionLabel", { n: i + 1 })} error={err(`${base}.label`)} required>
          <Input id={`${base}.label`} {...register(`${base}.label`)} />
        </Field>
        <Field id={`${base}.type`} label={t("fields.questionType")}>
          <Select id={`${base}.type`} {...register(`${base}.type`)}>
            {QUESTION_TYPES.map((qt) => (
              <option key={qt} value={qt}>
                {t(`types.${qt}`)}
              </option>
            ))}
          </Select>
        </Field>
        <div className="md:col-span-2">
          <Field id={`${base}.helpText`} label={t("fields.helpText")} error={err(`${base}.helpText`)}>
            <Input id={`${base}.helpText`} {...register(`${base}.helpText`)} />
          </Field>
        </div>
      </div>

      <div className="mt-3 flex flex-wrap items-center gap-x-6 gap-y-2 text-sm">
        <label className="flex items-center gap-2">
          <input type="checkbox" className="size-4" {...register(`${base}.required`)} />
          {t("fields.required")}
        </label>
        {type === "SINGLE_CHOICE" && (
          <span className="flex items-center gap-2">
            <label htmlFor={`${base}.rfmTag`}>{t("fields.rfmTag")}</label>
            <Select id={`${base}.rfmTag`} className="w-auto py-1" {...register(`${base}.rfmTag`, { onChange: (e) => onTag(e.target.value) })}>
              <option value="">{t("rfm.none")}</option>
              {(["R", "F", "M"] as const).map((tag) => (
                <option key={tag} value={tag}>
                  {t(`rfm.tag.${tag}`)}
                </option>
              ))}
            </Select>
          </span>
        )}
        {err(`${base}.rfmTag`) && <span className="text-red-700">{err(`${base}.rfmTag`)}</span>}
      </div>

      {(type === "NUMBER" || type === "MULTIPLE_CHOICE") && (
        <div className="mt-3 grid max-w-md grid-cols-2 gap-3">
          <Field id={`${base}.validation.min`} label={t(type === "NUMBER" ? "fields.min" : "fields.minChoices")} error={err(`${base}.validation.min`)}>
            <Input id={`${base}.validation.min`} inputMode="decimal" {...register(`${base}.validation.min`)} />
          </Field>
          <Field id={`${base}.validation.max`} label={t(type === "NUMBER" ? "fields.max" : "fields.maxChoices")} error={err(`${base}.validation.max`)}>
            <Input id={`${base}.validation.max`} inputMode="decimal" {...register(`${base}.validation.max`)} />
          </Field>
        </div>
      )}
      {(type === "SHORT_TEXT" || type === "LONG_TEXT") && (
        <div className="mt-3 max-w-xs">
          <Field id={`${base}.validation.maxLength`} label={t("fields.maxLength")} error={err(`${base}.validation.maxLength`)}>
            <Input id={`${base}.validation.maxLength`} inputMode="numeric" {...register(`${base}.validation.maxLength`)} />
          </Field>
        </div>
      )}

      {choice && <OptionsEditor base={base} tagged={Boolean(rfmTag) && type === "SINGLE_CHOICE"} />}
      {type === "SCALE" && <ScaleEditor base={base} />}
      <ShowIfEditor s={s} i={i} />

      <div className="mt-3 flex flex-wrap gap-2">
        {handle(t("dnd.question", { label: label || i + 1 }))}
        <Button variant="ghost" disabled={i === 0} onClick={() => onMove(i - 1)} aria-label={t("moveUp", { label: label || i + 1 })}>
          ↑ {t("up")}
        </Button>
        <Button variant="ghost" disabled={i === count - 1} onClick={() => onMove(i + 1)} aria-label={t("moveDown", { label: label || i + 1 })}>
          ↓ {t("down")}
        </Button>
        {sectionCount > 1 && (
          <span className="flex items-center gap-2 text-sm">
            <label htmlFor={`${base}.section`}>{t("moveToSection")}</label>
            <Select id={`${base}.section`} className="w-auto py-1" value={s} onChange={(e) => onMoveToSection(Number(e.target.value))}>
              {Array.from({ length: sectionCount }, (_, k) => (
                <option key={k} value={k}>
                  {t("section", { n: k + 1 })}
                </option>
              ))}
            </Select>
          </span>
        )}
        <Button variant="ghost" className="text-red-700" onClick={onRemove} aria-label={t("removeQuestionNamed", { label: label || i + 1 })}>
          {t("removeQuestion")}
        </Button>
      </div>
    </div>
  );
}

function OptionsEditor({ base, tagged }: { base: `sections.${number}.questions.${number}`; tagged: boolean }) {
  const t = useTranslations("builder");
  const { control, register, err } = useBuilderForm();
  const options = useFieldArray({ control, name: `${base}.options` });
  return (
    <fieldset className="mt-3">
      <legend className="text-sm font-medium">{t("fields.options")}</legend>
      {tagged && <p className="text-sm text-muted">{t("rfm.scoresHint")}</p>}
      {err(`${base}.options`) && <p className="text-sm text-red-700">{err(`${base}.options`)}</p>}
      <SortableList items={options.fields} onMove={options.move} nameOf={(k) => t("dnd.option", { n: k + 1 })} as="ol" itemAs="li" className="mt-2 space-y-2" itemClassName="flex flex-wrap items-start gap-2">
        {(o, k, handle) => (
          <>
            {handle()}
            <div className="min-w-48 flex-1">
              <label htmlFor={`${base}.options.${k}.label`} className="sr-only">
                {t("fields.option", { n: k + 1 })}
              </label>
              <Input id={`${base}.options.${k}.label`} placeholder={t("fields.option", { n: k + 1 })} {...register(`${base}.options.${k}.label`)} />
              {err(`${base}.options.${k}.label`) && <p className="text-sm text-red-700">{err(`${base}.options.${k}.label`)}</p>}
            </div>
            {tagged && (
              <div>
                <label htmlFor={`${base}.options.${k}.rfmScore`} className="sr-only">
                  {t("fields.score", { n: k + 1 })}
                </label>
                <Select id={`${base}.options.${k}.rfmScore`} className="w-24" {...register(`${base}.options.${k}.rfmScore`)}>
                  <option value="">{t("rfm.score")}</option>
                  {[5, 4, 3, 2, 1].map((n) => (
                    <option key={n} value={String(n)}>
                      {n}
                    </option>
                  ))}
                </Select>
                {err(`${base}.options.${k}.rfmScore`) && <p className="text-sm text-red-700">{err(`${base}.options.${k}.rfmScore`)}</p>}
              </div>
            )}
            <Button variant="ghost" disabled={k === 0} onClick={() => options.move(k, k - 1)} aria-label={t("moveOptionUp", { n: k + 1 })}>
              ↑
            </Button>
            <Button variant="ghost" onClick={() => options.remove(k)} aria-label={t("removeOption", { n: k + 1 })}>
              ✕
            </Button>
          </>
        )}
      </SortableList>
      <Button variant="secondary" className="mt-2" onClick={() => options.append({ label: "", rfmScore: "" as never })}>
        {t("addOption")}
      </Button>
    </fieldset>
  );
}
