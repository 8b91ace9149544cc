"use client";
import { useState, useTransition } from "react";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { campaignLifecycleAction, duplicateCampaignAction } from "@/lib/campaigns/actions";
import { Button } from "@/components/ui/button";
import { Alert } from "@/components/ui/card";
import { useBuilderError } from "./use-builder-error";

type Step = "publish" | "unpublish" | "close" | "archive";

/** Publish, unpublish, close now, duplicate, archive: each destructive step asks first. */
export function LifecycleActions({ campaignId, status, open }: { campaignId: string; status: string; open: boolean }) {
  const t = useTranslations("builder");
  const te = useBuilderError();
  const router = useRouter();
  const [pending, start] = useTransition();
  const [message, setMessage] = useState<{ tone: "error" | "success"; text: string }>();

  function run(step: Step, confirmKey?: string) {
    if (confirmKey && !window.confirm(t(confirmKey))) return;
    setMessage(undefined);
    start(async () => {
      const result = await campaignLifecycleAction({ campaignId, step });
      if (!result.ok) setMessage({ tone: "error", text: te(result.error) ?? result.error });
      else setMessage({ tone: "success", text: t(`lifecycle.done.${step}`) });
      router.refresh();
    });
  }

  function duplicate() {
    start(async () => {
      const result = await duplicateCampaignAction({ campaignId });
      if (!result.ok) return setMessage({ tone: "error", text: te(result.error) ?? result.error });
      router.push(`/campagnes/${result.data.id}`);
    });
  }

  return (
    <div className="space-y-3">
      <div className="flex flex-wrap gap-2">
        {status === "DRAFT" && (
          <Button onClick={() => run("publish")} disabled={pending}>
            {t("lifecycle.publish")}
          </Button>
        )}
        {status === "PUBLISHED" && (
          <Button variant="secondary" onClick={() => run("unpublish", "lifecycle.confirmUnpublish")} disabled={pending}>
            {t("lifecycle.unpublish")}
          </Button>
        )}
        {status === "PUBLISHED" && open && (
          <Button variant="danger" onClick={() => run("close", "lifecycle.confirmClose")} disabled={pending}>
            {t("lifecycle.close")}
          </Button>
        )}
        <Button variant="secondary" onClick={duplicate} disabled={pending}>
          {t("lifecycle.duplicate")}
        </Button>
        {status !== "ARCHIVED" && (
          <Button variant="ghost" onClick={() => run("archive", "lifecycle.confirmArchive")} disabled={pending}>
            {t("lifecycle.archive")}
          </Button>
        )}
      </div>
      {message && <Alert tone={message.tone}>{message.text}</Alert>}
    </div>
  );
}
