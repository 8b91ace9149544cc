"use client";
import { useState, useTransition, type ReactNode } from "react";
import type { ActionResult } from "@/lib/errors";
import { Button } from "@/components/ui/button";
import { Alert } from "@/components/ui/card";
import { useMessageText } from "@/components/ui/use-message-text";
import { ConfirmStep } from "./confirm-step";

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
        <ConfirmStep label={label} question={question} pending={pending} variant={variant === "secondary" ? "primary" : variant} onConfirm={confirm} onCancel={() => setAsking(false)} />
      ) : (
        <Button variant={variant} onClick={() => { setOutcome(undefined); setAsking(true); }} disabled={disabled}>
          {label}
        </Button>
      )}
      {outcome && (outcome.ok ? <Alert tone="success">{outcome.node}</Alert> : <Alert tone="error">{outcome.error}</Alert>)}
    </div>
  );
}
