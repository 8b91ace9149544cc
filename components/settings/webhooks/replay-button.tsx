"use client";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { replayWebhookDeliveryAction } from "@/lib/webhooks/actions";
import { ConfirmAction } from "@/components/draw/confirm-action";

/** Sends one delivery again (same event id, fresh retries). */
export function ReplayButton({ endpointId, deliveryId }: { endpointId: string; deliveryId: string }) {
  const t = useTranslations("webhooks");
  const router = useRouter();
  return (
    <ConfirmAction
      label={t("replay")}
      question={t("replayConfirm")}
      variant="secondary"
      run={async () => {
        const result = await replayWebhookDeliveryAction({ endpointId, deliveryId });
        if (result.ok) router.refresh();
        return result;
      }}
      success={() => t("replayed")}
    />
  );
}
