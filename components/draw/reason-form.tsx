"use client";
import { useState, useTransition } from "react";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import type { ActionResult } from "@/lib/errors";
import { Button } from "@/components/ui/button";
import { Alert } from "@/components/ui/card";
import { Field, Textarea, describedBy } from "@/components/ui/field";
import { useMessageText } from "@/components/ui/use-message-text";
import { ConfirmStep } from "./confirm-step";

/**
 * A consequential action that needs a written reason (redraw, exclusion):
 * reason first, then an explicit confirmation, then the outcome.
 */
export function ReasonForm({
  id,
  label,
  question,
  successText,
  run,
  variant = "danger",
}: {
  id: string;
  label: string;
  question: string;
  successText: string;
  run: (reason: string) => Promise<ActionResult<unknown>>;
  variant?: "danger" | "primary";
}) {
  const t = useTranslations("draw");
  const text = useMessageText();
  const router = useRouter();
  const [reason, setReason] = useState("");
  const [asking, setAsking] = useState(false);
  const [fieldError, setFieldError] = useState<string>();
  const [outcome, setOutcome] = useState<{ ok: boolean; text: string }>();
  const [pending, startTransition] = useTransition();

  function ask(event: React.FormEvent) {
    event.preventDefault();
    setOutcome(undefined);
    if (reason.trim().length < 5) return setFieldError(text("errors.reasonTooShort"));
    setFieldError(undefined);
    setAsking(true);
  }

  function confirm() {
    startTransition(async () => {
      const result = await run(reason.trim());
      setAsking(false);
      if (result.ok) {
        setReason("");
        setOutcome({ ok: true, text: successText });
        router.refresh();
      } else {
        setFieldError(text(result.fieldErrors?.reason));
        setOutcome({ ok: false, text: text(result.error) ?? "" });
      }
    });
  }

  return (
    <form onSubmit={ask} noValidate className="space-y-3">
      <Field id={id} label={t("reason")} error={fieldError} required>
        <Textarea id={id} rows={2} maxLength={500} value={reason} onChange={(e) => setReason(e.target.value)} {...describedBy(id, null, fieldError)} />
      </Field>
      {asking ? (
        <ConfirmStep label={label} question={question} pending={pending} variant={variant} onConfirm={confirm} onCancel={() => setAsking(false)} />
      ) : (
        <Button type="submit" variant={variant}>
          {label}
        </Button>
      )}
      {outcome && <Alert tone={outcome.ok ? "success" : "error"}>{outcome.text}</Alert>}
    </form>
  );
}
