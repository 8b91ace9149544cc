"use client";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { zodResolver } from "@hookform/resolvers/zod";
import { signIn } from "next-auth/react";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { acceptInvitationSchema, type AcceptInvitationInput } from "@/lib/auth/schemas";
import { acceptInvitationAction } from "@/lib/auth/actions";
import { Button } from "@/components/ui/button";
import { Field, Input, describedBy } from "@/components/ui/field";
import { Alert } from "@/components/ui/card";
import { useErrorText } from "@/components/ui/use-error-text";

export function AcceptInvitationForm({ token }: { token: string }) {
  const t = useTranslations("auth");
  const te = useErrorText();
  const router = useRouter();
  const [formError, setFormError] = useState<string>();
  const { register, handleSubmit, formState } = useForm<AcceptInvitationInput>({
    resolver: zodResolver(acceptInvitationSchema),
    defaultValues: { token },
  });
  const { errors, isSubmitting } = formState;

  async function onSubmit(values: AcceptInvitationInput) {
    const result = await acceptInvitationAction(values);
    if (!result.ok) return setFormError(te(result.error));
    await signIn("credentials", { email: result.data.email, password: values.password, redirect: false });
    router.push("/campagnes");
    router.refresh();
  }

  return (
    <form onSubmit={handleSubmit(onSubmit)} noValidate className="space-y-4">
      {formError && <Alert tone="error">{formError}</Alert>}
      <input type="hidden" {...register("token")} />
      <Field id="name" label={t("name")} error={te(errors.name?.message)} required>
        <Input id="name" autoComplete="name" {...describedBy("name", null, errors.name)} {...register("name")} />
      </Field>
      <Field id="password" label={t("password")} hint={t("passwordHint")} error={te(errors.password?.message)} required>
        <Input id="password" type="password" autoComplete="new-password" {...describedBy("password", true, errors.password)} {...register("password")} />
      </Field>
      <Button type="submit" disabled={isSubmitting} className="w-full">
        {t("accept")}
      </Button>
    </form>
  );
}
