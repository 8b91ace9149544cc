"use client";
import { useTranslations } from "next-intl";

// Never shows the error itself: details stay in the server log.
export default function ErrorPage({ reset }: { error: Error & { digest?: string }; reset: () => void }) {
  const t = useTranslations("common");
  return (
    <main className="mx-auto max-w-xl px-4 py-20 text-center">
      <h1 className="text-2xl font-semibold">{t("errorTitle")}</h1>
      <p className="mt-3 text-muted">{t("errorText")}</p>
      <button type="button" onClick={reset} className="mt-6 rounded-md bg-brand px-4 py-2 text-white">
        {t("retry")}
      </button>
    </main>
  );
}
