"use client";
import { useState } from "react";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { eraseContactAction } from "@/lib/rights/actions";
import { Button } from "@/components/ui/button";
import { Field, Input, describedBy } from "@/components/ui/field";
import { useErrorText } from "@/components/ui/use-error-text";

/** Erasure with a confirmation step: the owner types the contact's address again. */
export function EraseContact({ contactId }: { contactId: string }) {
  const t = useTranslations("compliance.contact");
  const te = useErrorText();
  const router = useRouter();
  const [open, setOpen] = useState(false);
  const [confirmation, setConfirmation] = useState("");
  const [error, setError] = useState<string>();
  const [pending, setPending] = useState(false);

  async function erase(event: React.FormEvent) {
    event.preventDefault();
    setPending(true);
    const result = await eraseContactAction({ contactId, confirmation });
    setPending(false);
    if (!result.ok) return setError(te(result.fieldErrors?.confirmation ?? result.error));
    router.push("/contacts");
    router.refresh();
  }

  if (!open) {
    return (
      <Button variant="danger" onClick={() => setOpen(true)}>
        {t("eraseStart")}
      </Button>
    );
  }
  return (
    <form onSubmit={erase} noValidate className="space-y-3 rounded-md border border-red-200 bg-red-50 p-4">
      <Field id="erase-confirmation" label={t("eraseConfirmLabel")} error={error} required>
        <Input id="erase-confirmation" type="email" autoComplete="off" value={confirmation} onChange={(e) => setConfirmation(e.target.value)} {...describedBy("erase-confirmation", null, error)} />
      </Field>
      <div className="flex flex-wrap gap-2">
        <Button type="submit" variant="danger" disabled={pending || !confirmation} aria-busy={pending}>
          {pending ? t("erasing") : t("eraseConfirm")}
        </Button>
        <Button variant="ghost" onClick={() => setOpen(false)}>
          {t("cancel")}
        </Button>
      </div>
    </form>
  );
}
