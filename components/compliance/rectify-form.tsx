"use client";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { zodResolver } from "@hookform/resolvers/zod";
import { useTranslations } from "next-intl";
import { rectificationSchema, type RectificationInput } from "@/lib/rights/schemas";
import { rectifyContactAction } from "@/lib/rights/actions";
import { Button } from "@/components/ui/button";
import { Alert } from "@/components/ui/card";
import { Field, Input, describedBy } from "@/components/ui/field";
import { useErrorText } from "@/components/ui/use-error-text";

/** The owner's rectification form for a contact. */
export function RectifyForm({ initial }: { initial: RectificationInput }) {
  const t = useTranslations("compliance.contact");
  const te = useErrorText();
  const [status, setStatus] = useState<{ tone: "success" | "error"; text: string }>();
  const { register, handleSubmit, setError, formState } = useForm({ resolver: zodResolver(rectificationSchema), defaultValues: initial });
  const { errors, isSubmitting } = formState;

  async function onSubmit(values: RectificationInput) {
    const result = await rectifyContactAction(values);
    if (!result.ok) {
      for (const [field, message] of Object.entries(result.fieldErrors ?? {})) setError(field as keyof RectificationInput, { message });
      return setStatus({ tone: "error", text: te(result.error)! });
    }
    setStatus({ tone: "success", text: t("rectifyDone") });
  }

  const field = (name: "firstName" | "lastName" | "phone" | "postalCode", type = "text") => (
    <Field id={`rectify-${name}`} label={t(`fields.${name}`)} error={te(errors[name]?.message)}>
      <Input id={`rectify-${name}`} type={type} {...describedBy(`rectify-${name}`, null, errors[name])} {...register(name)} />
    </Field>
  );

  return (
    <form onSubmit={handleSubmit(onSubmit)} noValidate className="grid gap-3 sm:grid-cols-2">
      <input type="hidden" {...register("contactId")} />
      {field("firstName")}
      {field("lastName")}
      {field("phone", "tel")}
      {field("postalCode")}
      <div className="flex flex-wrap items-center gap-3 sm:col-span-2">
        <Button type="submit" variant="secondary" disabled={isSubmitting} aria-busy={isSubmitting}>
          {isSubmitting ? t("saving") : t("rectifySave")}
        </Button>
        {status && <Alert tone={status.tone}>{status.text}</Alert>}
      </div>
    </form>
  );
}
