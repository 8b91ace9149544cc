"use client";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { zodResolver } from "@hookform/resolvers/zod";
import { signIn } from "next-auth/react";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { acceptInvitationSignedSchema, type AcceptInvitationSignedInput } from "@/lib/auth/schemas";
import { acceptInvitationSignedAction } from "@/lib/auth/actions";
import { Button } from "@/components/ui/button";
import { Field, Input, describedBy } from "@/components/ui/field";
import { Alert } from "@/components/ui/card";
import { useErrorText } from "@/components/ui/use-error-text";

/** An invitation to an address that already has an account: its password joins, then signs this browser in. */
export function AcceptInvitationSignedForm({ token }: { token: string }) {
  const t = useTranslations("account");
  const ta = useTranslations("auth");
  const te = useErrorText();
  const router = useRouter();
  const [formError, setFormError] = useState<string>();
  const { register, handleSubmit, setError, formState } = useForm<AcceptInvitationSignedInput>({
    resolver: zodResolver(acceptInvitationSignedSchema),
    defaultValues: { token },
  });
  const { errors, isSubmitting } = formState;

  async function onSubmit(values: AcceptInvitationSignedInput) {
    setFormError(undefined);
    const result = await acceptInvitationSignedAction(values);
    if (!result.ok) {
      if (result.fieldErrors?.password) return setError("password", { message: result.fieldErrors.password });
      return setFormError(te(result.error));
    }
    await signIn("credentials", { email: result.data.email, password: values.password, redirect: false });
    router.push("/campagnes");
    router.refresh();
  }

  return (
    <form onSubmit={handleSubmit(onSubmit)} noValidate className="space-y-4">
      {formError && <Alert tone="error">{formError}</Alert>}
      <input type="hidden" {...register("token")} />
      <Field id="password" label={ta("password")} error={te(errors.password?.message)} required>
        <Input id="password" type="password" autoComplete="current-password" {...describedBy("password", null, errors.password)} {...register("password")} />
      </Field>
      <Button type="submit" disabled={isSubmitting} className="w-full">
        {t("existingSubmit")}
      </Button>
    </form>
  );
}
