"use client";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { runDrawAction } from "@/lib/draw/actions";
import { ConfirmAction } from "./confirm-action";

export function RunDrawButton({ campaignId, disabled }: { campaignId: string; disabled?: boolean }) {
  const t = useTranslations("draw");
  const router = useRouter();
  return (
    <ConfirmAction
      label={t("run")}
      question={t("runConfirm")}
      disabled={disabled}
      run={async () => {
        const result = await runDrawAction({ campaignId });
        if (result.ok) router.push(`/campagnes/${campaignId}/tirage/gagnants`);
        return result;
      }}
      success={() => t("done")}
    />
  );
}
