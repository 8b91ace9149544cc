"use client";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { zodResolver } from "@hookform/resolvers/zod";
import { signIn } from "next-auth/react";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { signInSchema, type SignInInput } from "@/lib/auth/schemas";
import { Button } from "@/components/ui/button";
import { Field, Input, describedBy } from "@/components/ui/field";
import { Alert } from "@/components/ui/card";
import { useErrorText } from "@/components/ui/use-error-text";

export function SignInForm() {
  const t = useTranslations("auth");
  const te = useErrorText();
  const router = useRouter();
  const [formError, setFormError] = useState<string>();
  const { register, handleSubmit, formState } = useForm<SignInInput>({ resolver: zodResolver(signInSchema) });
  const { errors, isSubmitting } = formState;

  async function onSubmit(values: SignInInput) {
    setFormError(undefined);
    const result = await signIn("credentials", { ...values, redirect: false });
    if (!result || result.error) {
      setFormError(te(result?.error === "RATE_LIMITED" ? "errors.rateLimited" : "errors.badCredentials"));
      return;
    }
    router.push("/campagnes");
    router.refresh();
  }

  return (
    <form onSubmit={handleSubmit(onSubmit)} noValidate className="space-y-4">
      {formError && <Alert tone="error">{formError}</Alert>}
      <Field id="email" label={t("email")} error={te(errors.email?.message)} required>
        <Input id="email" type="email" autoComplete="email" {...describedBy("email", null, errors.email)} {...register("email")} />
      </Field>
      <Field id="password" label={t("password")} error={te(errors.password?.message)} required>
        <Input id="password" type="password" autoComplete="current-password" {...describedBy("password", null, errors.password)} {...register("password")} />
      </Field>
      <Button type="submit" disabled={isSubmitting} className="w-full">
        {isSubmitting ? "…" : t("signIn")}
      </Button>
    </form>
  );
}
