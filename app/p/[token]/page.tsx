import type { Metadata } from "next";
import { getFormatter, getTranslations } from "next-intl/server";
import { loadPreferences, touchContact } from "@/lib/preferences/queries";
import { Alert } from "@/components/ui/card";
import { buttonClass } from "@/components/ui/button";
import { PendingButton } from "@/components/consent/pending-button";
import { PublicShell } from "@/components/consent/public-shell";
import { RightsNotice } from "@/components/consent/preferences-footer";
import { withdrawAction } from "./actions";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Préférences", robots: { index: false, follow: false }, referrer: "no-referrer" };

type Search = { fait?: string; desabonnement?: string };

/** The preference centre, reached from every e-mail without an account (the link is signed). */
export default async function PreferencesPage({ params, searchParams }: { params: Promise<{ token: string }>; searchParams: Promise<Search> }) {
  const { token } = await params;
  const search = await searchParams;
  const prefs = await loadPreferences(token);
  if (!prefs) {
    const t = await getTranslations({ locale: "fr", namespace: "preferences" });
    return (
      <PublicShell>
        <h1 className="text-2xl font-semibold">{t("invalidTitle")}</h1>
        <p className="mt-3">{t("invalidText")}</p>
      </PublicShell>
    );
  }
  await touchContact(prefs.contact.id);
  const { contact, consents, locale } = prefs;
  const org = contact.organisation;
  const [t, format] = await Promise.all([getTranslations({ locale, namespace: "preferences" }), getFormatter({ locale })]);
  const date = (d: Date) => format.dateTime(d, { dateStyle: "long", timeZone: "Europe/Paris" });
  const anyActive = consents.some((c) => c.consenting);
  const notice = search.fait === "retire" ? t("withdrawn") : search.fait === "desabonne" ? t("unsubscribed") : search.fait === "rien" ? t("nothingToWithdraw") : null;
  const fields = [
    ["email", contact.email],
    ["firstName", contact.firstName],
    ["lastName", contact.lastName],
    ["phone", contact.phone],
    ["postalCode", contact.postalCode],
  ] as const;
  const base = `/p/${encodeURIComponent(token)}`;
  const unsubscribe = (
    <form action={withdrawAction.bind(null, token, "")}>
      <PendingButton pendingLabel={t("unsubscribing")} variant={search.desabonnement ? "primary" : "secondary"}>
        {t("unsubscribeAll")}
      </PendingButton>
    </form>
  );

  return (
    <PublicShell brandColor={prefs.brandColor} footer={t("by", { organisation: org.legalName || org.name, address: org.address || "none" })}>
      <h1 className="text-2xl font-semibold">{t("title")}</h1>
      <p className="mt-2 text-muted">{t("lead", { organisation: org.name })}</p>
      {notice && (
        <div className="mt-4">
          <Alert tone="success">{notice}</Alert>
        </div>
      )}
      {search.desabonnement && anyActive && (
        <section aria-labelledby="unsubscribe" className="mt-6 rounded-md border border-line bg-surface p-4">
          <h2 id="unsubscribe" className="text-lg font-semibold">
            {t("unsubscribeTitle")}
          </h2>
          <p className="mb-3 mt-1 text-sm">{t("unsubscribeText")}</p>
          {unsubscribe}
        </section>
      )}

      <section aria-labelledby="consentements-title" id="consentements" className="mt-8">
        <h2 id="consentements-title" className="text-lg font-semibold">
          {t("consentsTitle")}
        </h2>
        {consents.length === 0 ? (
          <p className="mt-2 text-sm text-muted">{t("consentsEmpty")}</p>
        ) : (
          <ul className="mt-3 space-y-3">
            {consents.map((c) => (
              <li key={c.purposeId} className="rounded-md border border-line p-4" data-testid="preference-consent">
                <p className="font-medium">{c.wording}</p>
                <p className="mt-1 text-xs text-muted">{t("campaign", { campaign: c.campaign.title })}</p>
                <p className={c.consenting ? "mt-2 text-sm text-green-800" : "mt-2 text-sm text-red-800"}>
                  {c.consenting ? `${c.confirmed ? t("statusConfirmed") : t("statusOn")} · ${t("since", { date: date(c.since) })}` : t("statusOff", { date: date(c.since) })}
                </p>
                {c.consenting && (
                  <form action={withdrawAction.bind(null, token, c.purposeId)} className="mt-3">
                    <PendingButton pendingLabel={t("withdrawing")} variant="secondary">
                      {t("withdraw")}
                    </PendingButton>
                  </form>
                )}
              </li>
            ))}
          </ul>
        )}
        {anyActive && !search.desabonnement && <div className="mt-4">{unsubscribe}</div>}
      </section>

      <section aria-labelledby="donnees" className="mt-8">
        <h2 id="donnees" className="text-lg font-semibold">
          {t("dataTitle")}
        </h2>
        <dl className="mt-3 grid grid-cols-1 gap-x-4 gap-y-2 text-sm sm:grid-cols-[10rem_1fr]">
          {fields.map(([key, value]) => (
            <div key={key} className="contents">
              <dt className="text-muted">{t(key)}</dt>
              <dd className="break-words">{value || t("empty")}</dd>
            </div>
          ))}
        </dl>
      </section>

      <section aria-labelledby="telechargement" className="mt-8">
        <h2 id="telechargement" className="text-lg font-semibold">
          {t("downloadTitle")}
        </h2>
        <p className="mt-1 text-sm text-muted">{t("downloadText")}</p>
        <a href={`${base}/donnees`} className={buttonClass("secondary", "mt-3")} download>
          {t("download")}
        </a>
      </section>

      <section aria-labelledby="effacement" className="mt-8">
        <h2 id="effacement" className="text-lg font-semibold">
          {t("eraseTitle")}
        </h2>
        <p className="mt-1 text-sm text-muted">{t("eraseText")}</p>
        <a href={`${base}/effacement`} className={buttonClass("danger", "mt-3")}>
          {t("eraseLink")}
        </a>
      </section>

      <RightsNotice organisation={org} locale={locale} />
    </PublicShell>
  );
}
