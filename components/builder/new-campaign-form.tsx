"use client";
import { useState } from "react";
import { useForm, useWatch } from "react-hook-form";
import { zodResolver } from "@hookform/resolvers/zod";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { newCampaignSchema, type NewCampaignInput } from "@/lib/campaigns/definition";
import { CAMPAIGN_KINDS } from "@/lib/campaigns/kinds";
import { TEMPLATE_IDS, TEMPLATE_KIND, type TemplateId } from "@/lib/campaigns/templates";
import { createCampaignAction } from "@/lib/campaigns/actions";
import { Button } from "@/components/ui/button";
import { Alert } from "@/components/ui/card";
import { Field, Input, describedBy } from "@/components/ui/field";
import { useBuilderError } from "./use-builder-error";

const CARD = "flex cursor-pointer gap-3 rounded-lg border border-line bg-white p-4 has-[:checked]:border-brand has-[:checked]:ring-2 has-[:checked]:ring-brand/30";

export function NewCampaignForm() {
  const t = useTranslations("campaigns");
  const tb = useTranslations("builder");
  const te = useBuilderError();
  const router = useRouter();
  const [error, setFormError] = useState<string>();
  const { register, handleSubmit, formState, setValue, getValues, control } = useForm<NewCampaignInput>({
    resolver: zodResolver(newCampaignSchema),
    defaultValues: { kind: "CONTEST", title: "", template: undefined },
  });
  const { errors, isSubmitting } = formState;
  const template = useWatch({ control, name: "template" });

  async function onSubmit(values: NewCampaignInput) {
    const result = await createCampaignAction(values);
    if (!result.ok) return setFormError(te(result.error));
    router.push(`/campagnes/${result.data.id}`);
  }

  // A template decides the kind and proposes its title (kept when the marketer typed one).
  function pick(id: TemplateId | "") {
    setValue("template", id || undefined);
    if (!id) return;
    setValue("kind", TEMPLATE_KIND[id]);
    const proposed = TEMPLATE_IDS.map((x) => tb(`templates.${x}.title`));
    if (!getValues("title") || proposed.includes(getValues("title"))) setValue("title", tb(`templates.${id}.title`), { shouldValidate: formState.isSubmitted });
  }

  return (
    <form onSubmit={handleSubmit(onSubmit)} noValidate className="space-y-6">
      {error && <Alert tone="error">{error}</Alert>}
      <fieldset>
        <legend className="mb-2 text-sm font-medium">{tb("templates.legend")}</legend>
        <div className="grid gap-3 md:grid-cols-2 lg:grid-cols-4">
          <label className={CARD}>
            <input type="radio" name="template-choice" value="" className="mt-1 size-4" checked={!template} onChange={() => pick("")} />
            <span>
              <span className="block font-semibold">{tb("templates.none.name")}</span>
              <span className="block text-sm text-muted">{tb("templates.none.hint")}</span>
            </span>
          </label>
          {TEMPLATE_IDS.map((id) => (
            <label key={id} className={CARD}>
              <input type="radio" name="template-choice" value={id} className="mt-1 size-4" checked={template === id} onChange={() => pick(id)} />
              <span>
                <span className="block font-semibold">{tb(`templates.${id}.name`)}</span>
                <span className="block text-sm text-muted">{tb(`templates.${id}.hint`)}</span>
              </span>
            </label>
          ))}
        </div>
      </fieldset>
      {!template && (
        <fieldset>
          <legend className="mb-2 text-sm font-medium">{t("create.kindLabel")}</legend>
          <div className="grid gap-3 md:grid-cols-3">
            {CAMPAIGN_KINDS.map((kind) => (
              <label key={kind} className={CARD}>
                <input type="radio" value={kind} className="mt-1 size-4" {...register("kind")} />
                <span>
                  <span className="block font-semibold">{t(`kind.${kind}`)}</span>
                  <span className="block text-sm text-muted">{t(`kindHint.${kind}`)}</span>
                </span>
              </label>
            ))}
          </div>
        </fieldset>
      )}
      <Field id="title" label={t("create.titleLabel")} error={te(errors.title?.message)} required>
        <Input id="title" placeholder={t("create.titlePlaceholder")} {...describedBy("title", null, errors.title)} {...register("title")} />
      </Field>
      <Button type="submit" disabled={isSubmitting}>
        {t("create.submit")}
      </Button>
    </form>
  );
}
