"use client";
import { useState, useTransition } from "react";
import { useTranslations } from "next-intl";
import { verifyDrawAction } from "@/lib/draw/actions";
import { Button } from "@/components/ui/button";
import { Alert } from "@/components/ui/card";
import { useMessageText } from "@/components/ui/use-message-text";

type Outcome = Awaited<ReturnType<typeof verifyDrawAction>>;

/** Replays a stored draw on the server and says whether it holds. */
export function VerifyDrawButton({ campaignId, drawId }: { campaignId: string; drawId: string }) {
  const t = useTranslations("draw");
  const text = useMessageText();
  const [pending, startTransition] = useTransition();
  const [outcome, setOutcome] = useState<Outcome>();
  return (
    <div className="space-y-3">
      <Button variant="secondary" disabled={pending} onClick={() => startTransition(async () => setOutcome(await verifyDrawAction({ campaignId, drawId })))}>
        {pending ? t("verifying") : t("verify")}
      </Button>
      {outcome && !outcome.ok && <Alert tone="error">{text(outcome.error)}</Alert>}
      {outcome?.ok && (
        <div className="space-y-2" data-testid="verify-result">
          {outcome.data.ok ? (
            <Alert tone="success">{t("verifyOk")}</Alert>
          ) : (
            <Alert tone="error">{t("verifyFailed", { problems: outcome.data.problems.map((p) => t(`problems.${p}`)).join(", ") })}</Alert>
          )}
          {outcome.data.ok && !outcome.data.listStillCurrent && <Alert tone="info">{t("verifyChanged")}</Alert>}
        </div>
      )}
    </div>
  );
}
