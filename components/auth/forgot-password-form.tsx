"use client";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { zodResolver } from "@hookform/resolvers/zod";
import { useTranslations } from "next-intl";
import { passwordResetRequestSchema, type PasswordResetRequestInput } from "@/lib/auth/schemas";
import { requestPasswordResetAction } from "@/lib/auth/actions";
import { Button } from "@/components/ui/button";
import { Field, Input, describedBy } from "@/components/ui/field";
import { Alert } from "@/components/ui/card";
import { useErrorText } from "@/components/ui/use-error-text";

export function ForgotPasswordForm() {
  const t = useTranslations("account");
  const ta = useTranslations("auth");
  const te = useErrorText();
  const [sent, setSent] = useState(false);
  const [formError, setFormError] = useState<string>();
  const { register, handleSubmit, formState } = useForm<PasswordResetRequestInput>({ resolver: zodResolver(passwordResetRequestSchema) });
  const { errors, isSubmitting } = formState;

  async function onSubmit(values: PasswordResetRequestInput) {
    setFormError(undefined);
    const result = await requestPasswordResetAction(values);
    if (!result.ok) return setFormError(te(result.error));
    setSent(true);
  }

  if (sent) return <Alert tone="success">{t("forgotSent")}</Alert>;
  return (
    <form onSubmit={handleSubmit(onSubmit)} noValidate className="space-y-4">
      {formError && <Alert tone="error">{formError}</Alert>}
      <Field id="email" label={ta("email")} error={te(errors.email?.message)} required>
        <Input id="email" type="email" autoComplete="email" {...describedBy("email", null, errors.email)} {...register("email")} />
      </Field>
      <Button type="submit" disabled={isSubmitting} className="w-full">
        {t("forgotSubmit")}
      </Button>
    </form>
  );
}
