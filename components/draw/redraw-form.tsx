"use client";
import { useTranslations } from "next-intl";
import { redrawAction } from "@/lib/draw/actions";
import { ReasonForm } from "./reason-form";

export function RedrawForm({ campaignId }: { campaignId: string }) {
  const t = useTranslations("draw");
  return <ReasonForm id="redraw-reason" label={t("redraw")} question={t("redrawConfirm")} successText={t("done")} run={(reason) => redrawAction({ campaignId, reason })} />;
}
