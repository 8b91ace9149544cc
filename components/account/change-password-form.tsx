"use client";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { zodResolver } from "@hookform/resolvers/zod";
import { signIn } from "next-auth/react";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { passwordChangeSchema, type PasswordChangeInput } from "@/lib/auth/schemas";
import { changePasswordAction } from "@/lib/auth/actions";
import { Button } from "@/components/ui/button";
import { Field, Input, describedBy } from "@/components/ui/field";
import { Alert } from "@/components/ui/card";
import { useErrorText } from "@/components/ui/use-error-text";

export function ChangePasswordForm() {
  const t = useTranslations("account");
  const ta = useTranslations("auth");
  const te = useErrorText();
  const router = useRouter();
  const [done, setDone] = useState(false);
  const [formError, setFormError] = useState<string>();
  const { register, handleSubmit, setError, reset, formState } = useForm<PasswordChangeInput>({ resolver: zodResolver(passwordChangeSchema) });
  const { errors, isSubmitting } = formState;

  async function onSubmit(values: PasswordChangeInput) {
    setFormError(undefined);
    setDone(false);
    const result = await changePasswordAction(values);
    if (!result.ok) {
      for (const [field, message] of Object.entries(result.fieldErrors ?? {})) setError(field as keyof PasswordChangeInput, { message });
      if (!result.fieldErrors) setFormError(te(result.error));
      return;
    }
    // Every session signed in before the change has ended, this one too: sign it in again with the new password.
    await signIn("credentials", { email: result.data.email, password: values.newPassword, redirect: false });
    reset({ currentPassword: "", newPassword: "" });
    setDone(true);
    router.refresh();
  }

  return (
    <form onSubmit={handleSubmit(onSubmit)} noValidate className="space-y-4">
      {formError && <Alert tone="error">{formError}</Alert>}
      {done && <Alert tone="success">{t("passwordChanged")}</Alert>}
      <Field id="current-password" label={t("currentPassword")} error={te(errors.currentPassword?.message)} required>
        <Input id="current-password" type="password" autoComplete="current-password" {...describedBy("current-password", null, errors.currentPassword)} {...register("currentPassword")} />
      </Field>
      <Field id="new-password" label={t("newPassword")} hint={ta("passwordHint")} error={te(errors.newPassword?.message)} required>
        <Input id="new-password" type="password" autoComplete="new-password" {...describedBy("new-password", true, errors.newPassword)} {...register("newPassword")} />
      </Field>
      <Button type="submit" disabled={isSubmitting}>
        {t("changePassword")}
      </Button>
    </form>
  );
}
