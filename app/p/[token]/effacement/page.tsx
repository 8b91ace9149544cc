import type { Metadata } from "next";
import { cache } from "react";
import { getTranslations } from "next-intl/server";
import { loadPreferences, preferencesLinkState } from "@/lib/preferences/queries";
import { DeadPreferencesLink } from "@/components/consent/dead-preferences-link";
import { buttonClass } from "@/components/ui/button";
import { PendingButton } from "@/components/consent/pending-button";
import { PublicShell } from "@/components/consent/public-shell";
import { eraseAction } from "@/lib/preferences/centre-actions";

export const dynamic = "force-dynamic";
// Read once per request: by the title and by the page.
const preferencesOf = cache(loadPreferences);

export async function generateMetadata({ params }: { params: Promise<{ token: string }> }): Promise<Metadata> {
  const prefs = await preferencesOf((await params).token);
  const t = await getTranslations({ locale: prefs?.locale ?? "fr", namespace: "preferences" });
  return { title: t("eraseTitle"), robots: { index: false, follow: false }, referrer: "no-referrer" };
}

/** The confirmation step of an erasure request: opening this page erases nothing. */
export default async function ErasurePage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const prefs = await preferencesOf(token);
  if (!prefs) {
    const state = await preferencesLinkState(token);
    return <DeadPreferencesLink state={state === "expired" ? "expired" : "unknown"} />;
  }
  const t = await getTranslations({ locale: prefs.locale, namespace: "preferences" });
  return (
    <PublicShell brandColor={prefs.brandColor}>
      <h1 className="text-2xl font-semibold">{t("eraseConfirmTitle")}</h1>
      <p className="mt-3">{t("eraseConfirmText")}</p>
      <p className="mt-2 text-sm text-muted">{t("eraseText")}</p>
      <p className="mt-2 text-sm text-muted" data-testid="come-back">{t("comeBack")}</p>
      <div className="mt-6 flex flex-wrap gap-3">
        <form action={eraseAction.bind(null, token)}>
          <PendingButton pendingLabel={t("erasing")} variant="danger">
            {t("eraseConfirm")}
          </PendingButton>
        </form>
        <a href={`/p/${encodeURIComponent(token)}`} className={buttonClass("secondary")}>
          {t("cancel")}
        </a>
      </div>
    </PublicShell>
  );
}
