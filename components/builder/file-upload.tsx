"use client";
import { useRef, useState, useTransition } from "react";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { uploadCampaignFileAction } from "@/lib/campaigns/actions";
import { Button } from "@/components/ui/button";
import { useBuilderError } from "./use-builder-error";

/** Uploads (or removes) one file of the campaign: logo, rules PDF or lead-magnet reward. */
export function FileUpload({
  campaignId,
  kind,
  accept,
  current,
  previewSrc,
}: {
  campaignId: string;
  kind: "logo" | "rules" | "reward";
  accept: string;
  current: string | null;
  /** An image of the file in place (the logo), shown beside its controls */
  previewSrc?: string;
}) {
  const t = useTranslations("builder");
  const te = useBuilderError();
  const router = useRouter();
  const input = useRef<HTMLInputElement>(null);
  const [pending, start] = useTransition();
  const [error, setError] = useState<string>();
  const id = `upload-${kind}`;

  function send(remove: boolean) {
    const form = new FormData();
    form.set("campaignId", campaignId);
    form.set("kind", kind);
    const file = input.current?.files?.[0];
    if (!remove) {
      if (!file) return setError(t("files.choose"));
      form.set("file", file);
    }
    setError(undefined);
    start(async () => {
      const result = await uploadCampaignFileAction(form);
      if (!result.ok) return setError(te(result.error) ?? result.error);
      if (input.current) input.current.value = "";
      router.refresh();
    });
  }

  return (
    <div className="space-y-2">
      <label htmlFor={id} className="block text-sm font-medium">
        {t(`files.${kind}`)}
      </label>
      <p className="text-sm text-muted" id={`${id}-hint`}>
        {current ? t("files.current") : t("files.none")} · {t(`files.${kind}Hint`)}
      </p>
      {current && previewSrc && (
        // eslint-disable-next-line @next/next/no-img-element -- the uploaded logo from our own route, as the form shows it
        <img src={previewSrc} alt={t("files.logoPreview")} className="h-16 w-auto max-w-full rounded border border-line bg-white p-1" data-testid="logo-preview" />
      )}
      <div className="flex flex-wrap items-center gap-2">
        <input ref={input} id={id} type="file" accept={accept} aria-describedby={`${id}-hint`} className="text-sm" />
        <Button variant="secondary" onClick={() => send(false)} disabled={pending}>
          {pending ? t("saving") : t("files.upload")}
        </Button>
        {current && (
          <Button variant="ghost" onClick={() => window.confirm(t("files.confirmRemove")) && send(true)} disabled={pending}>
            {t("files.remove")}
          </Button>
        )}
      </div>
      {error && (
        <p role="alert" className="text-sm text-red-700">
          {error}
        </p>
      )}
    </div>
  );
}
