"use client";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { requeueMailAction } from "@/lib/mail/actions";
import { ConfirmAction } from "@/components/draw/confirm-action";

/** Puts a failed mail back in the queue (after the SMTP problem is fixed). */
export function RequeueMailButton({ mailId }: { mailId: string }) {
  const t = useTranslations("compliance.outbox");
  const router = useRouter();
  return (
    <ConfirmAction
      label={t("requeue")}
      question={t("requeueConfirm")}
      variant="secondary"
      run={async () => {
        const result = await requeueMailAction({ mailId });
        if (result.ok) router.refresh();
        return result;
      }}
      success={() => t("requeued")}
    />
  );
}
