"use client";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { zodResolver } from "@hookform/resolvers/zod";
import { useTranslations } from "next-intl";
import { invitationSchema, type InvitationInput } from "@/lib/auth/schemas";
import { inviteMemberAction } from "@/lib/orgs/actions";
import { Button } from "@/components/ui/button";
import { Field, Input, Select, describedBy } from "@/components/ui/field";
import { Alert } from "@/components/ui/card";
import { useErrorText } from "@/components/ui/use-error-text";

export function InviteForm() {
  const t = useTranslations("settings");
  const tc = useTranslations("common");
  const te = useErrorText();
  const [link, setLink] = useState<string>();
  const [error, setFormError] = useState<string>();
  const { register, handleSubmit, reset, formState } = useForm<InvitationInput>({
    resolver: zodResolver(invitationSchema),
    defaultValues: { role: "EDITOR" },
  });
  const { errors, isSubmitting } = formState;

  async function onSubmit(values: InvitationInput) {
    setFormError(undefined);
    const result = await inviteMemberAction(values);
    if (!result.ok) return setFormError(te(result.error));
    setLink(result.data.link);
    reset({ email: "", role: values.role });
  }

  return (
    <form onSubmit={handleSubmit(onSubmit)} noValidate className="space-y-4">
      <div className="grid gap-4 sm:grid-cols-[1fr_12rem_auto] sm:items-end">
        <Field id="invite-email" label={t("inviteEmail")} error={te(errors.email?.message)} required>
          <Input id="invite-email" type="email" {...describedBy("invite-email", null, errors.email)} {...register("email")} />
        </Field>
        <Field id="invite-role" label={t("role")}>
          <Select id="invite-role" {...register("role")}>
            {(["EDITOR", "VIEWER", "OWNER"] as const).map((r) => (
              <option key={r} value={r}>
                {tc(`roles.${r}`)}
              </option>
            ))}
          </Select>
        </Field>
        <Button type="submit" disabled={isSubmitting}>
          {t("invite")}
        </Button>
      </div>
      {error && <Alert tone="error">{error}</Alert>}
      {link && (
        <Alert tone="success">
          {t("invited")}
          <br />
          <span className="font-medium">{t("inviteLink")} : </span>
          <code className="break-all" data-testid="invitation-link">
            {link}
          </code>
        </Alert>
      )}
    </form>
  );
}
