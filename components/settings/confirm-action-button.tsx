"use client";
import { useState, useTransition } from "react";
import { useTranslations } from "next-intl";
import type { ActionResult } from "@/lib/errors";
import { Button } from "@/components/ui/button";
import { useErrorText } from "@/components/ui/use-error-text";

/** A destructive action in two steps: the button asks, the confirmation acts. */
export function ConfirmActionButton({ label, question, run }: { label: string; question: string; run: () => Promise<ActionResult<unknown>> }) {
  const t = useTranslations("settings");
  const te = useErrorText();
  const [asking, setAsking] = useState(false);
  const [pending, startTransition] = useTransition();
  const [error, setError] = useState<string>();
  if (!asking) {
    return (
      <Button variant="secondary" className="min-h-8 px-3 py-1" onClick={() => setAsking(true)}>
        {label}
      </Button>
    );
  }
  return (
    <div role="group" aria-label={question} className="space-y-2">
      <p className="text-sm">{question}</p>
      <div className="flex gap-2">
        <Button
          variant="danger"
          className="min-h-8 px-3 py-1"
          disabled={pending}
          onClick={() =>
            startTransition(async () => {
              const result = await run();
              if (!result.ok) setError(te(result.error));
            })
          }
        >
          {t("confirm")}
        </Button>
        <Button variant="ghost" className="min-h-8 px-3 py-1" disabled={pending} onClick={() => (setAsking(false), setError(undefined))}>
          {t("cancel")}
        </Button>
      </div>
      {error && (
        <p role="alert" className="text-sm text-red-700">
          {error}
        </p>
      )}
    </div>
  );
}
