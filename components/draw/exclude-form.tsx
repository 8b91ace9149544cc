"use client";
import { useTranslations } from "next-intl";
import { excludeEntryAction, reinstateEntryAction } from "@/lib/draw/actions";
import { ReasonForm } from "./reason-form";

export function ExcludeForm({ campaignId, responseId }: { campaignId: string; responseId: string }) {
  const t = useTranslations("draw");
  return (
    <ReasonForm
      id={`exclude-${responseId}`}
      label={t("exclude")}
      question={t("excludeConfirm")}
      successText={t("excluded")}
      run={(reason) => excludeEntryAction({ campaignId, responseId, reason })}
    />
  );
}

/** Lifts an exclusion, with a written reason (kept in the audit log). */
export function ReinstateForm({ campaignId, responseId }: { campaignId: string; responseId: string }) {
  const t = useTranslations("draw");
  return (
    <ReasonForm
      id={`reinstate-${responseId}`}
      label={t("reinstate")}
      question={t("reinstateConfirm")}
      successText={t("reinstated")}
      variant="primary"
      run={(reason) => reinstateEntryAction({ campaignId, responseId, reason })}
    />
  );
}
