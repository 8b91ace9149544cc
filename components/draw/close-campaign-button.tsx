"use client";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { closeCampaignAction } from "@/lib/draw/actions";
import { ConfirmAction } from "./confirm-action";

export function CloseCampaignButton({ campaignId }: { campaignId: string }) {
  const t = useTranslations("draw");
  const router = useRouter();
  return (
    <ConfirmAction
      label={t("close")}
      question={t("closeConfirm")}
      variant="danger"
      run={async () => {
        const result = await closeCampaignAction({ campaignId });
        if (result.ok) router.refresh();
        return result;
      }}
      success={() => t("closed")}
    />
  );
}
