"use client";
import { useTranslations } from "next-intl";
import { excludeEntryAction } from "@/app/(dashboard)/campagnes/[id]/tirage/actions";
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
