"use client";
import { useTranslations } from "next-intl";
import { Alert } from "@/components/ui/card";

/** A new signing secret: shown here once, never readable again in the app. */
export function SecretOnce({ secret }: { secret: string }) {
  const t = useTranslations("webhooks");
  return (
    <Alert tone="warning">
      <p>{t("secretOnce")}</p>
      <p className="mt-2">
        <span className="font-medium">{t("secretLabel")} : </span>
        <code className="break-all select-all" data-testid="webhook-secret">
          {secret}
        </code>
      </p>
    </Alert>
  );
}
