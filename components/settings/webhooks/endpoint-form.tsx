"use client";
import { useState } from "react";
import { useRouter } from "next/navigation";
import { useForm } from "react-hook-form";
import { zodResolver } from "@hookform/resolvers/zod";
import { useTranslations } from "next-intl";
import { createWebhookEndpointAction, updateWebhookEndpointAction } from "@/lib/webhooks/actions";
import { eventMessageKey, WEBHOOK_EVENTS } from "@/lib/webhooks/events";
import { endpointSchema, type EndpointInput } from "@/lib/webhooks/schemas";
import { Button } from "@/components/ui/button";
import { Alert } from "@/components/ui/card";
import { Field, Input, describedBy } from "@/components/ui/field";
import { useMessageText } from "@/components/ui/use-message-text";
import { SecretOnce } from "./secret-once";

/** Adds an endpoint (then shows its secret once), or edits one's URL, description and events. */
export function EndpointForm({ endpointId, initial }: { endpointId?: string; initial?: EndpointInput }) {
  const t = useTranslations("webhooks");
  const text = useMessageText();
  const router = useRouter();
  const [secret, setSecret] = useState<string>();
  const [done, setDone] = useState(false);
  const [error, setFormError] = useState<string>();
  const { register, handleSubmit, reset, setError, formState } = useForm<EndpointInput>({
    resolver: zodResolver(endpointSchema),
    defaultValues: initial ?? { url: "", description: "", events: ["lead.confirmed", "consent.withdrawn", "contact.erased"] },
  });
  const { errors, isSubmitting } = formState;

  async function onSubmit(values: EndpointInput) {
    setFormError(undefined);
    setDone(false);
    const result = endpointId ? await updateWebhookEndpointAction({ ...values, endpointId }) : await createWebhookEndpointAction(values);
    if (!result.ok) {
      for (const [field, message] of Object.entries(result.fieldErrors ?? {})) setError(field as keyof EndpointInput, { message });
      return setFormError(text(result.error));
    }
    if (result.data && "secret" in result.data) {
      setSecret(result.data.secret);
      reset();
    } else setDone(true);
    router.refresh();
  }

  const id = endpointId ? `webhook-${endpointId}` : "webhook-new";
  return (
    <form onSubmit={handleSubmit(onSubmit)} noValidate className="space-y-4" aria-label={endpointId ? t("edit") : t("new")}>
      <Field id={`${id}-url`} label={t("url")} hint={t("urlHint")} error={text(errors.url?.message)} required>
        <Input id={`${id}-url`} type="url" inputMode="url" autoComplete="off" {...describedBy(`${id}-url`, true, errors.url)} {...register("url")} />
      </Field>
      <Field id={`${id}-description`} label={t("description")} hint={t("descriptionHint")} error={text(errors.description?.message)}>
        <Input id={`${id}-description`} {...describedBy(`${id}-description`, true, errors.description)} {...register("description")} />
      </Field>
      <fieldset className="space-y-2">
        <legend className="text-sm font-medium">{t("events")}</legend>
        {WEBHOOK_EVENTS.map((event) => (
          <label key={event} className="flex items-start gap-2 text-sm">
            <input type="checkbox" value={event} className="mt-1" {...register("events")} />
            <span>
              <span className="font-medium">{t(`eventNames.${eventMessageKey(event)}`)}</span> <code className="text-xs text-muted">{event}</code>
              <br />
              <span className="text-muted">{t(`eventHelp.${eventMessageKey(event)}`)}</span>
            </span>
          </label>
        ))}
        {errors.events && (
          <p role="alert" className="text-sm text-red-700">
            {text(errors.events.message ?? errors.events.root?.message)}
          </p>
        )}
      </fieldset>
      <Button type="submit" disabled={isSubmitting}>
        {endpointId ? t("save") : t("create")}
      </Button>
      {error && <Alert tone="error">{error}</Alert>}
      {done && <Alert tone="success">{t("saved")}</Alert>}
      {secret && <SecretOnce secret={secret} />}
    </form>
  );
}
