"use client";
import { useState } from "react";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { withdrawAllAction } from "@/lib/rights/actions";
import { Button } from "@/components/ui/button";
import { useErrorText } from "@/components/ui/use-error-text";

/** Withdraws all of a contact's consents at their request (owners), after a browser confirmation. */
export function WithdrawAll({ contactId, confirmText }: { contactId: string; confirmText: string }) {
  const t = useTranslations("compliance.contact");
  const te = useErrorText();
  const router = useRouter();
  const [message, setMessage] = useState<string>();
  const [pending, setPending] = useState(false);
  async function withdraw() {
    if (!window.confirm(confirmText)) return;
    setPending(true);
    const result = await withdrawAllAction({ contactId });
    setPending(false);
    setMessage(result.ok ? t("withdrawDone") : te(result.error));
    router.refresh();
  }
  return (
    <div className="space-y-2">
      <Button variant="secondary" onClick={withdraw} disabled={pending} aria-busy={pending}>
        {t("withdrawAll")}
      </Button>
      {message && (
        <p role="status" className="text-sm">
          {message}
        </p>
      )}
    </div>
  );
}
