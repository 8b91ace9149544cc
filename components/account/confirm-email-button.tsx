"use client";
import { useState, useTransition } from "react";
import Link from "next/link";
import { useTranslations } from "next-intl";
import { confirmEmailChangeAction } from "@/lib/auth/actions";
import { Button } from "@/components/ui/button";
import { Alert } from "@/components/ui/card";
import { useErrorText } from "@/components/ui/use-error-text";

/** The confirmation is a click, never the visit: mail scanners open links by themselves. */
export function ConfirmEmailButton({ token }: { token: string }) {
  const t = useTranslations("account");
  const te = useErrorText();
  const [pending, startTransition] = useTransition();
  const [result, setResult] = useState<{ ok: true; email: string } | { ok: false; error: string }>();
  if (result?.ok) {
    return (
      <Alert tone="success">
        {t("emailConfirmed", { email: result.email })}{" "}
        <Link href="/connexion" className="font-medium underline">
          {t("signIn")}
        </Link>
      </Alert>
    );
  }
  return (
    <div className="space-y-4">
      {result && !result.ok && <Alert tone="error">{te(result.error)}</Alert>}
      <Button
        disabled={pending}
        onClick={() =>
          startTransition(async () => {
            const r = await confirmEmailChangeAction({ token });
            setResult(r.ok ? { ok: true, email: r.data.email } : { ok: false, error: r.error });
          })
        }
      >
        {t("emailConfirm")}
      </Button>
    </div>
  );
}
