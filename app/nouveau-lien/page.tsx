import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { Alert } from "@/components/ui/card";
import { PendingButton } from "@/components/consent/pending-button";
import { PublicShell } from "@/components/consent/public-shell";
import { requestFreshLinkAction } from "@/lib/preferences/actions";

type Search = { envoye?: string; erreur?: string; l?: string };

export async function generateMetadata({ searchParams }: { searchParams: Promise<Search> }): Promise<Metadata> {
  const t = await getTranslations({ locale: (await searchParams).l === "en" ? "en" : "fr", namespace: "preferences" });
  return { title: t("freshLinkCta"), robots: { index: false, follow: false }, referrer: "no-referrer" };
}

/** "Send me a fresh link" to the preference centre, for a person whose link expired. */
export default async function FreshLinkPage({ searchParams }: { searchParams: Promise<Search> }) {
  const search = await searchParams;
  const locale = search.l === "en" ? "en" : "fr";
  const t = await getTranslations({ locale, namespace: "preferences" });
  return (
    <PublicShell>
      <h1 className="text-2xl font-semibold">{t("freshTitle")}</h1>
      <p className="mt-3">{t("freshLead")}</p>
      {search.envoye && (
        <div className="mt-4" role="status">
          <Alert tone="success">{t("freshSent")}</Alert>
        </div>
      )}
      <form action={requestFreshLinkAction} className="mt-6 flex flex-col gap-3">
        <input type="hidden" name="locale" value={locale} />
        <label htmlFor="fresh-email" className="font-medium">
          {t("freshEmail")}
        </label>
        <input
          id="fresh-email"
          name="email"
          type="email"
          required
          autoComplete="email"
          maxLength={254}
          aria-invalid={search.erreur ? true : undefined}
          aria-describedby={search.erreur ? "fresh-email-error" : undefined}
          className="rounded border border-line px-3 py-2"
        />
        {search.erreur && (
          <p id="fresh-email-error" className="text-sm text-red-700">
            {t("freshInvalid")}
          </p>
        )}
        <div>
          <PendingButton pendingLabel={t("freshSending")}>{t("freshSubmit")}</PendingButton>
        </div>
      </form>
    </PublicShell>
  );
}
