"use client";
import { useState, useTransition } from "react";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { campaignLifecycleAction, duplicateCampaignAction } from "@/lib/campaigns/actions";
import { Button, ButtonLink } from "@/components/ui/button";
import { Alert } from "@/components/ui/card";
import { useBuilderError } from "./use-builder-error";

type Step = "publish" | "unpublish" | "close" | "archive";

/** How "Publier" follows the live checklist (see PublishPanel). */
type PublishGate = { blocked: boolean; describedBy?: string; beforePublish?: () => Promise<boolean>; problemsKey: string };

/** Publish, unpublish, close now, duplicate, archive: each destructive step asks first. */
export function LifecycleActions({ campaignId, status, open, publish }: { campaignId: string; status: string; open: boolean; publish?: PublishGate }) {
  const t = useTranslations("builder");
  const te = useBuilderError();
  const router = useRouter();
  const [pending, start] = useTransition();
  const [message, setMessage] = useState<{ tone: "error" | "success"; text: string }>();
  // A refusal is about the problems of that moment: once they change, it would be stale.
  const problemsKey = publish?.problemsKey;
  const [judged, setJudged] = useState(problemsKey);
  if (judged !== problemsKey) {
    setJudged(problemsKey);
    if (message?.tone === "error") setMessage(undefined);
  }

  function run(step: Step, confirmKey?: string) {
    if (confirmKey && !window.confirm(t(confirmKey))) return;
    setMessage(undefined);
    start(async () => {
      if (step === "publish" && publish?.beforePublish && !(await publish.beforePublish())) return;
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
          <Button onClick={() => run("publish")} disabled={pending || publish?.blocked} aria-describedby={publish?.describedBy}>
            {t("lifecycle.publish")}
          </Button>
        )}
        {/* Right after publishing, the next step is sharing, the loudest button; closing is a quiet, confirmed one. */}
        {status === "PUBLISHED" && <ButtonLink href={`/campagnes/${campaignId}/partage`}>{t("lifecycle.share")}</ButtonLink>}
        {status === "PUBLISHED" && (
          <Button variant="secondary" onClick={() => run("unpublish", "lifecycle.confirmUnpublish")} disabled={pending}>
            {t("lifecycle.unpublish")}
          </Button>
        )}
        {status === "PUBLISHED" && open && (
          <Button variant="secondary" className="text-red-800" onClick={() => run("close", "lifecycle.confirmClose")} disabled={pending}>
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
