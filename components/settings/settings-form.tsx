"use client";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { zodResolver } from "@hookform/resolvers/zod";
import { useTranslations } from "next-intl";
import { organisationSettingsSchema, type OrganisationSettingsInput } from "@/lib/orgs/schemas";
import { updateSettingsAction } from "@/lib/orgs/actions";
import { Button } from "@/components/ui/button";
import { Field, Input, Select, Textarea, describedBy } from "@/components/ui/field";
import { Alert } from "@/components/ui/card";
import { useErrorText } from "@/components/ui/use-error-text";

export function SettingsForm({ initial }: { initial: OrganisationSettingsInput }) {
  const t = useTranslations("settings");
  const tc = useTranslations("common");
  const te = useErrorText();
  const [status, setStatus] = useState<{ tone: "success" | "error"; text: string }>();
  const { register, handleSubmit, setError, formState } = useForm({
    resolver: zodResolver(organisationSettingsSchema),
    defaultValues: initial,
  });
  const { errors, isSubmitting } = formState;

  async function onSubmit(values: OrganisationSettingsInput) {
    const result = await updateSettingsAction(values);
    if (!result.ok) {
      for (const [field, message] of Object.entries(result.fieldErrors ?? {})) setError(field as keyof OrganisationSettingsInput, { message });
      return setStatus({ tone: "error", text: te(result.error)! });
    }
    setStatus({ tone: "success", text: tc("saved") });
  }

  const text = (name: "name" | "legalName" | "contactEmail" | "dpoName" | "dpoEmail", type = "text") => (
    <Field id={name} label={t(name)} error={te(errors[name]?.message)} required={name === "name"}>
      <Input id={name} type={type} {...describedBy(name, null, errors[name])} {...register(name)} />
    </Field>
  );

  return (
    <form onSubmit={handleSubmit(onSubmit)} noValidate className="grid gap-4 md:grid-cols-2">
      {text("name")}
      {text("legalName")}
      <div className="md:col-span-2">
        <Field id="address" label={t("address")} error={te(errors.address?.message)}>
          <Textarea id="address" rows={2} {...register("address")} />
        </Field>
      </div>
      {text("contactEmail", "email")}
      {text("dpoName")}
      {text("dpoEmail", "email")}
      <Field id="retentionMonths" label={t("retentionMonths")} hint={t("retentionHint")} error={te(errors.retentionMonths?.message)} required>
        <Input id="retentionMonths" type="number" min={1} max={120} {...describedBy("retentionMonths", true, errors.retentionMonths)} {...register("retentionMonths")} />
      </Field>
      <Field id="defaultLocale" label={t("defaultLocale")}>
        <Select id="defaultLocale" {...register("defaultLocale")}>
          <option value="fr">{tc("french")}</option>
          <option value="en">{tc("english")}</option>
        </Select>
      </Field>
      <div className="flex items-center gap-4 md:col-span-2">
        <Button type="submit" disabled={isSubmitting}>
          {isSubmitting ? tc("loading") : tc("save")}
        </Button>
        {status && <Alert tone={status.tone}>{status.text}</Alert>}
      </div>
    </form>
  );
}
