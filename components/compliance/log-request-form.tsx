"use client";
import { useState } from "react";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { logRequestAction } from "@/lib/rights/actions";
import { Button } from "@/components/ui/button";
import { Field, Select, Textarea } from "@/components/ui/field";
import { useErrorText } from "@/components/ui/use-error-text";

const KINDS = ["ACCESS", "PORTABILITY", "RECTIFICATION", "ERASURE"] as const;

/** Logs a request received outside the app, so its one-month deadline shows in the requests list. */
export function LogRequestForm({ contactId }: { contactId: string }) {
  const t = useTranslations("compliance");
  const te = useErrorText();
  const router = useRouter();
  const [kind, setKind] = useState<(typeof KINDS)[number]>("ACCESS");
  const [notes, setNotes] = useState("");
  const [message, setMessage] = useState<{ ok: boolean; text: string }>();
  const [pending, setPending] = useState(false);

  async function submit(event: React.FormEvent) {
    event.preventDefault();
    setPending(true);
    const result = await logRequestAction({ contactId, kind, notes });
    setPending(false);
    if (!result.ok) return setMessage({ ok: false, text: te(result.fieldErrors?.notes ?? result.error)! });
    setNotes("");
    setMessage({ ok: true, text: t("contact.logDone") });
    router.refresh();
  }

  return (
    <form onSubmit={submit} className="space-y-3">
      <Field id="log-kind" label={t("requests.kind")}>
        <Select id="log-kind" value={kind} onChange={(e) => setKind(e.target.value as (typeof KINDS)[number])}>
          {KINDS.map((k) => (
            <option key={k} value={k}>
              {t(`requests.kinds.${k}`)}
            </option>
          ))}
        </Select>
      </Field>
      <Field id="log-notes" label={t("requests.notes")} hint={t("contact.logHint")}>
        <Textarea id="log-notes" rows={2} maxLength={1000} value={notes} onChange={(e) => setNotes(e.target.value)} aria-describedby="log-notes-hint" />
      </Field>
      <div className="flex flex-wrap items-center gap-3">
        <Button type="submit" variant="secondary" disabled={pending} aria-busy={pending}>
          {pending ? t("contact.saving") : t("contact.logSave")}
        </Button>
        {message && (
          <p role="status" className={message.ok ? "text-sm text-green-800" : "text-sm text-red-700"}>
            {message.text}
          </p>
        )}
      </div>
    </form>
  );
}
