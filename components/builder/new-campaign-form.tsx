"use client";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { zodResolver } from "@hookform/resolvers/zod";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { newCampaignSchema, type NewCampaignInput } from "@/lib/campaigns/definition";
import { CAMPAIGN_KINDS } from "@/lib/campaigns/kinds";
import { createCampaignAction } from "@/lib/campaigns/actions";
import { Button } from "@/components/ui/button";
import { Alert } from "@/components/ui/card";
import { Field, Input, describedBy } from "@/components/ui/field";
import { useBuilderError } from "./use-builder-error";

export function NewCampaignForm() {
  const t = useTranslations("campaigns");
  const te = useBuilderError();
  const router = useRouter();
  const [error, setFormError] = useState<string>();
  const { register, handleSubmit, formState } = useForm<NewCampaignInput>({ resolver: zodResolver(newCampaignSchema), defaultValues: { kind: "CONTEST", title: "" } });
  const { errors, isSubmitting } = formState;

  async function onSubmit(values: NewCampaignInput) {
    const result = await createCampaignAction(values);
    if (!result.ok) return setFormError(te(result.error));
    router.push(`/campagnes/${result.data.id}`);
  }

  return (
    <form onSubmit={handleSubmit(onSubmit)} noValidate className="space-y-6">
      {error && <Alert tone="error">{error}</Alert>}
      <fieldset>
        <legend className="mb-2 text-sm font-medium">{t("create.kindLabel")}</legend>
        <div className="grid gap-3 md:grid-cols-3">
          {CAMPAIGN_KINDS.map((kind) => (
            <label key={kind} className="flex cursor-pointer gap-3 rounded-lg border border-line bg-white p-4 has-[:checked]:border-brand has-[:checked]:ring-2 has-[:checked]:ring-brand/30">
              <input type="radio" value={kind} className="mt-1 size-4" {...register("kind")} />
              <span>
                <span className="block font-semibold">{t(`kind.${kind}`)}</span>
                <span className="block text-sm text-muted">{t(`kindHint.${kind}`)}</span>
              </span>
            </label>
          ))}
        </div>
      </fieldset>
      <Field id="title" label={t("create.titleLabel")} error={te(errors.title?.message)} required>
        <Input id="title" placeholder={t("create.titlePlaceholder")} {...describedBy("title", null, errors.title)} {...register("title")} />
      </Field>
      <Button type="submit" disabled={isSubmitting}>
        {t("create.submit")}
      </Button>
    </form>
  );
}
