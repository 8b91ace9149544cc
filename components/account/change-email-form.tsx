"use client";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { zodResolver } from "@hookform/resolvers/zod";
import { useTranslations } from "next-intl";
import { emailChangeSchema, type EmailChangeInput } from "@/lib/auth/schemas";
import { requestEmailChangeAction } from "@/lib/auth/actions";
import { Button } from "@/components/ui/button";
import { Field, Input, describedBy } from "@/components/ui/field";
import { Alert } from "@/components/ui/card";
import { useErrorText } from "@/components/ui/use-error-text";

export function ChangeEmailForm() {
  const t = useTranslations("account");
  const te = useErrorText();
  const [sent, setSent] = useState(false);
  const [formError, setFormError] = useState<string>();
  const { register, handleSubmit, setError, reset, formState } = useForm<EmailChangeInput>({ resolver: zodResolver(emailChangeSchema) });
  const { errors, isSubmitting } = formState;

  async function onSubmit(values: EmailChangeInput) {
    setFormError(undefined);
    setSent(false);
    const result = await requestEmailChangeAction(values);
    if (!result.ok) {
      for (const [field, message] of Object.entries(result.fieldErrors ?? {})) setError(field as keyof EmailChangeInput, { message });
      if (!result.fieldErrors) setFormError(te(result.error));
      return;
    }
    reset({ currentPassword: "", newEmail: "" });
    setSent(true);
  }

  return (
    <form onSubmit={handleSubmit(onSubmit)} noValidate className="space-y-4">
      {formError && <Alert tone="error">{formError}</Alert>}
      {sent && <Alert tone="success">{t("emailSent")}</Alert>}
      <Field id="new-email" label={t("newEmail")} error={te(errors.newEmail?.message)} required>
        <Input id="new-email" type="email" autoComplete="email" {...describedBy("new-email", null, errors.newEmail)} {...register("newEmail")} />
      </Field>
      <Field id="email-current-password" label={t("currentPassword")} error={te(errors.currentPassword?.message)} required>
        <Input
          id="email-current-password"
          type="password"
          autoComplete="current-password"
          {...describedBy("email-current-password", null, errors.currentPassword)}
          {...register("currentPassword")}
        />
      </Field>
      <Button type="submit" disabled={isSubmitting}>
        {t("changeEmail")}
      </Button>
    </form>
  );
}
