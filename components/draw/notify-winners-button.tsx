"use client";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { notifyWinnersAction } from "@/lib/draw/actions";
import { ConfirmAction } from "./confirm-action";

export function NotifyWinnersButton({ campaignId, drawId }: { campaignId: string; drawId: string }) {
  const t = useTranslations("draw");
  const router = useRouter();
  return (
    <ConfirmAction
      label={t("notify")}
      question={t("notifyConfirm")}
      variant="secondary"
      run={async () => {
        const result = await notifyWinnersAction({ campaignId, drawId });
        if (result.ok) router.refresh();
        return result;
      }}
      success={(data) => t("notified", { count: data.queued })}
    />
  );
}
