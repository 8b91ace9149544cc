import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { loadPreferences } from "@/lib/preferences/queries";
import { buttonClass } from "@/components/ui/button";
import { PendingButton } from "@/components/consent/pending-button";
import { PublicShell } from "@/components/consent/public-shell";
import { eraseAction } from "../actions";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Effacement", robots: { index: false, follow: false }, referrer: "no-referrer" };

/** The confirmation step of an erasure request: opening this page erases nothing. */
export default async function ErasurePage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const prefs = await loadPreferences(token);
  const t = await getTranslations({ locale: prefs?.locale ?? "fr", namespace: "preferences" });
  if (!prefs) {
    return (
      <PublicShell>
        <h1 className="text-2xl font-semibold">{t("invalidTitle")}</h1>
        <p className="mt-3">{t("invalidText")}</p>
      </PublicShell>
    );
  }
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
