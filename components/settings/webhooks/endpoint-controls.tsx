"use client";
import { useState } from "react";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { deleteWebhookEndpointAction, pauseWebhookEndpointAction, rotateWebhookSecretAction } from "@/lib/webhooks/actions";
import { ConfirmAction } from "@/components/draw/confirm-action";
import { SecretOnce } from "./secret-once";

/** Pause or resume, rotate the secret (the new one shown once), delete. */
export function EndpointControls({ endpointId, paused }: { endpointId: string; paused: boolean }) {
  const t = useTranslations("webhooks");
  const router = useRouter();
  const [secret, setSecret] = useState<string>();
  return (
    <div className="flex flex-wrap items-start gap-4">
      <ConfirmAction
        label={paused ? t("resume") : t("pause")}
        question={paused ? t("resumeConfirm") : t("pauseConfirm")}
        variant="secondary"
        run={async () => {
          const result = await pauseWebhookEndpointAction({ endpointId, paused: !paused });
          if (result.ok) router.refresh();
          return result;
        }}
        success={() => (paused ? t("resumed") : t("pausedDone"))}
      />
      <div className="space-y-3">
        <ConfirmAction
          label={t("rotate")}
          question={t("rotateConfirm")}
          variant="secondary"
          run={async () => {
            const result = await rotateWebhookSecretAction({ endpointId });
            if (result.ok) {
              setSecret(result.data.secret);
              router.refresh();
            }
            return result;
          }}
          success={() => null}
        />
        {secret && <SecretOnce secret={secret} />}
      </div>
      <ConfirmAction
        label={t("delete")}
        question={t("deleteConfirm")}
        variant="danger"
        run={async () => {
          const result = await deleteWebhookEndpointAction({ endpointId });
          if (result.ok) router.push("/parametres/integrations");
          return result;
        }}
        success={() => t("deleted")}
      />
    </div>
  );
}
