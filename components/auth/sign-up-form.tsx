"use client";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { zodResolver } from "@hookform/resolvers/zod";
import { signIn } from "next-auth/react";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { signUpSchema, type SignUpInput } from "@/lib/auth/schemas";
import { signUpAction } from "@/lib/auth/actions";
import { Button } from "@/components/ui/button";
import { Field, Input, describedBy } from "@/components/ui/field";
import { Alert } from "@/components/ui/card";
import { useErrorText } from "@/components/ui/use-error-text";

export function SignUpForm() {
  const t = useTranslations("auth");
  const te = useErrorText();
  const router = useRouter();
  const [formError, setFormError] = useState<string>();
  const { register, handleSubmit, setError, formState } = useForm<SignUpInput>({ resolver: zodResolver(signUpSchema) });
  const { errors, isSubmitting } = formState;

  async function onSubmit(values: SignUpInput) {
    setFormError(undefined);
    const result = await signUpAction(values);
    if (!result.ok) {
      for (const [field, message] of Object.entries(result.fieldErrors ?? {})) setError(field as keyof SignUpInput, { message });
      setFormError(te(result.error));
      return;
    }
    await signIn("credentials", { email: values.email, password: values.password, redirect: false });
    router.push("/campagnes");
    router.refresh();
  }

  const fields = [
    { name: "name", type: "text", autoComplete: "name" },
    { name: "organisationName", type: "text", autoComplete: "organization" },
    { name: "email", type: "email", autoComplete: "email" },
    { name: "password", type: "password", autoComplete: "new-password", hint: t("passwordHint") },
  ] as const;

  return (
    <form onSubmit={handleSubmit(onSubmit)} noValidate className="space-y-4">
      {formError && <Alert tone="error">{formError}</Alert>}
      {fields.map((f) => (
        <Field key={f.name} id={f.name} label={t(f.name)} hint={"hint" in f ? f.hint : undefined} error={te(errors[f.name]?.message)} required>
          <Input id={f.name} type={f.type} autoComplete={f.autoComplete} {...describedBy(f.name, "hint" in f, errors[f.name])} {...register(f.name)} />
        </Field>
      ))}
      <Button type="submit" disabled={isSubmitting} className="w-full">
        {isSubmitting ? "…" : t("signUp")}
      </Button>
    </form>
  );
}
