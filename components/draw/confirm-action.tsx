"use client";
import { useState, useTransition, type ReactNode } from "react";
import { useTranslations } from "next-intl";
import type { ActionResult } from "@/lib/errors";
import { Button } from "@/components/ui/button";
import { Alert } from "@/components/ui/card";
import { useMessageText } from "@/components/ui/use-message-text";

/**
 * A button that asks for confirmation before running a consequential action
 * (close a campaign, run a draw, send mails), then shows its outcome.
 */
export function ConfirmAction<T>({
  label,
  question,
  run,
  success,
  variant = "primary",
  disabled,
}: {
  label: string;
  question: string;
  run: () => Promise<ActionResult<T>>;
  success: (data: T) => ReactNode;
  variant?: "primary" | "danger" | "secondary";
  disabled?: boolean;
}) {
  const t = useTranslations("draw");
  const text = useMessageText();
  const [asking, setAsking] = useState(false);
  const [pending, startTransition] = useTransition();
  const [outcome, setOutcome] = useState<{ ok: true; node: ReactNode } | { ok: false; error: string }>();

  function confirm() {
    startTransition(async () => {
      const result = await run();
      setAsking(false);
      setOutcome(result.ok ? { ok: true, node: success(result.data) } : { ok: false, error: text(result.error) ?? "" });
    });
  }

  return (
    <div className="space-y-3">
      {asking ? (
        <div className="space-y-3 rounded-md border border-amber-300 bg-amber-50 p-3" role="group" aria-label={label}>
          <p className="text-sm">{question}</p>
          <div className="flex flex-wrap gap-2">
            <Button variant={variant === "secondary" ? "primary" : variant} onClick={confirm} disabled={pending}>
              {pending ? t("running") : t("confirmAction")}
            </Button>
            <Button variant="secondary" onClick={() => setAsking(false)} disabled={pending}>
              {t("cancel")}
            </Button>
          </div>
        </div>
      ) : (
        <Button variant={variant} onClick={() => { setOutcome(undefined); setAsking(true); }} disabled={disabled}>
          {label}
        </Button>
      )}
      {outcome && (outcome.ok ? <Alert tone="success">{outcome.node}</Alert> : <Alert tone="error">{outcome.error}</Alert>)}
    </div>
  );
}
