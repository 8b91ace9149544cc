"use client";
import { useWatch } from "react-hook-form";
import { useTranslations } from "next-intl";
import { SCALE_PRESETS, scalePresetOf, type ScalePreset } from "@/lib/campaigns/scale";
import { Field, Input, Select } from "@/components/ui/field";
import { useBuilderForm } from "./campaign-builder";

const num = (x: unknown) => (x === "" || x == null ? null : Number(x));

/** A scale question's range (1–5, 0–10 for an NPS, 1–10) and its end labels. */
export function ScaleEditor({ base }: { base: `sections.${number}.questions.${number}` }) {
  const t = useTranslations("builder.scale");
  const { control, register, setValue, err } = useBuilderForm();
  const [min, max] = useWatch({ control, name: [`${base}.validation.min`, `${base}.validation.max`] });
  const preset = scalePresetOf(num(min), num(max)) ?? "1-10";
  const choose = (key: ScalePreset) => {
    setValue(`${base}.validation.min`, SCALE_PRESETS[key].min as never, { shouldDirty: true });
    setValue(`${base}.validation.max`, SCALE_PRESETS[key].max as never, { shouldDirty: true });
  };
  return (
    <div className="mt-3 grid gap-3 md:grid-cols-3">
      <Field id={`${base}.scale`} label={t("range")} error={err(`${base}.validation.max`)}>
        <Select id={`${base}.scale`} value={preset} onChange={(e) => choose(e.target.value as ScalePreset)}>
          {(Object.keys(SCALE_PRESETS) as ScalePreset[]).map((key) => (
            <option key={key} value={key}>
              {t(`presets.${key}`)}
            </option>
          ))}
        </Select>
      </Field>
      <Field id={`${base}.validation.minLabel`} label={t("minLabel", { value: SCALE_PRESETS[preset].min })} error={err(`${base}.validation.minLabel`)}>
        <Input id={`${base}.validation.minLabel`} placeholder={t("minPlaceholder")} {...register(`${base}.validation.minLabel`)} />
      </Field>
      <Field id={`${base}.validation.maxLabel`} label={t("maxLabel", { value: SCALE_PRESETS[preset].max })} error={err(`${base}.validation.maxLabel`)}>
        <Input id={`${base}.validation.maxLabel`} placeholder={t("maxPlaceholder")} {...register(`${base}.validation.maxLabel`)} />
      </Field>
    </div>
  );
}
