"use client";
import { useState } from "react";
import Link from "next/link";
import { useForm } from "react-hook-form";
import { zodResolver } from "@hookform/resolvers/zod";
import { useTranslations } from "next-intl";
import { passwordResetSchema, type PasswordResetInput } from "@/lib/auth/schemas";
import { resetPasswordAction } from "@/lib/auth/actions";
import { Button } from "@/components/ui/button";
import { Field, Input, describedBy } from "@/components/ui/field";
import { Alert } from "@/components/ui/card";
import { useErrorText } from "@/components/ui/use-error-text";

export function ResetPasswordForm({ token }: { token: string }) {
  const t = useTranslations("account");
  const ta = useTranslations("auth");
  const te = useErrorText();
  const [done, setDone] = useState(false);
  const [formError, setFormError] = useState<string>();
  const { register, handleSubmit, formState } = useForm<PasswordResetInput>({ resolver: zodResolver(passwordResetSchema), defaultValues: { token } });
  const { errors, isSubmitting } = formState;

  async function onSubmit(values: PasswordResetInput) {
    setFormError(undefined);
    const result = await resetPasswordAction(values);
    if (!result.ok) return setFormError(te(result.error));
    setDone(true);
  }

  if (done) {
    return (
      <Alert tone="success">
        {t("resetDone")}{" "}
        <Link href="/connexion" className="font-medium underline">
          {t("signIn")}
        </Link>
      </Alert>
    );
  }
  return (
    <form onSubmit={handleSubmit(onSubmit)} noValidate className="space-y-4">
      {formError && <Alert tone="error">{formError}</Alert>}
      <input type="hidden" {...register("token")} />
      <Field id="password" label={t("newPassword")} hint={ta("passwordHint")} error={te(errors.password?.message)} required>
        <Input id="password" type="password" autoComplete="new-password" {...describedBy("password", true, errors.password)} {...register("password")} />
      </Field>
      <Button type="submit" disabled={isSubmitting} className="w-full">
        {t("resetSubmit")}
      </Button>
    </form>
  );
}
