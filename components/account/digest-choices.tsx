"use client";
import { useState, useTransition } from "react";
import { useTranslations } from "next-intl";
import { setDigestAction } from "@/lib/digest/actions";
import { useErrorText } from "@/components/ui/use-error-text";

/** One box per campaign: the member's own daily digest, saved as it is ticked. */
export function DigestChoices({ campaigns }: { campaigns: Array<{ id: string; title: string; subscribed: boolean }> }) {
  const t = useTranslations("account");
  const te = useErrorText();
  const [pending, startTransition] = useTransition();
  const [status, setStatus] = useState<{ id: string; text: string; error?: boolean }>();
  if (campaigns.length === 0) return <p className="text-sm text-muted">{t("digestNone")}</p>;
  return (
    <ul className="space-y-2">
      {campaigns.map((c) => (
        <li key={c.id} className="flex flex-wrap items-center gap-2">
          <input
            id={`digest-${c.id}`}
            type="checkbox"
            className="h-5 w-5"
            defaultChecked={c.subscribed}
            disabled={pending}
            onChange={(e) => {
              const enabled = e.target.checked;
              startTransition(async () => {
                const result = await setDigestAction({ campaignId: c.id, enabled });
                setStatus(result.ok ? { id: c.id, text: t("saved") } : { id: c.id, text: te(result.error) ?? "", error: true });
              });
            }}
          />
          <label htmlFor={`digest-${c.id}`} className="text-sm">
            {t("digestFor", { campaign: c.title })}
          </label>
          {status?.id === c.id && (
            <span role="status" className={status.error ? "text-sm text-red-700" : "text-sm text-muted"}>
              {status.text}
            </span>
          )}
        </li>
      ))}
    </ul>
  );
}
