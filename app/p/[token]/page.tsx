import type { Metadata } from "next";
import { cache } from "react";
import { headers } from "next/headers";
import { getFormatter, getTranslations } from "next-intl/server";
import { localeFromAcceptLanguage } from "@/lib/i18n/accept-language";
import { loadPreferences, preferencesLinkState } from "@/lib/preferences/queries";
import { DeadPreferencesLink } from "@/components/consent/dead-preferences-link";
import { Alert } from "@/components/ui/card";
import { buttonClass } from "@/components/ui/button";
import { PendingButton } from "@/components/consent/pending-button";
import { PublicShell } from "@/components/consent/public-shell";
import { RightsNotice } from "@/components/consent/preferences-footer";
import { DataList, TitledSection } from "@/components/consent/titled-section";
import { objectToProfilingAction, withdrawAction } from "@/lib/preferences/centre-actions";
import { profilingObjection } from "@/lib/rfm/queries";

export const dynamic = "force-dynamic";
// Read once per request: by the title and by the page.
const preferencesOf = cache(loadPreferences);

export async function generateMetadata({ params }: { params: Promise<{ token: string }> }): Promise<Metadata> {
  const prefs = await preferencesOf((await params).token);
  const locale = prefs?.locale ?? localeFromAcceptLanguage((await headers()).get("accept-language"));
  const t = await getTranslations({ locale, namespace: "preferences" });
  return { title: t("title"), robots: { index: false, follow: false }, referrer: "no-referrer" };
}

type Search = { fait?: string; desabonnement?: string };

/** The preference centre, reached from every e-mail without an account (the link is signed). */
export default async function PreferencesPage({ params, searchParams }: { params: Promise<{ token: string }>; searchParams: Promise<Search> }) {
  const { token } = await params;
  const search = await searchParams;
  const prefs = await preferencesOf(token);
  if (!prefs) {
    // An unknown link has no contact to take its language from: the visitor's browser tells it.
    const locale = localeFromAcceptLanguage((await headers()).get("accept-language"));
    const state = await preferencesLinkState(token);
    return <DeadPreferencesLink state={state === "expired" ? "expired" : "unknown"} locale={locale} />;
  }
  // Reading changes nothing, retention included: mail scanners open links by themselves. Actions (POST) count.
  const { contact, consents, locale } = prefs;
  const objection = await profilingObjection(contact.organisationId, contact.id);
  const org = contact.organisation;
  const [t, format] = await Promise.all([getTranslations({ locale, namespace: "preferences" }), getFormatter({ locale })]);
  const date = (d: Date) => format.dateTime(d, { dateStyle: "long", timeZone: "Europe/Paris" });
  const anyActive = consents.some((c) => c.consenting);
  const notice = search.fait === "opposition" ? t("profilingDone") : search.fait === "retire" ? t("withdrawn") : search.fait === "desabonne" ? t("unsubscribed") : search.fait === "rien" ? t("nothingToWithdraw") : null;
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
        <TitledSection id="desabonnement" title={t("unsubscribeTitle")} lead={t("unsubscribeText")} className="mt-6 space-y-3 rounded-md border border-line bg-surface p-4">
          {unsubscribe}
        </TitledSection>
      )}

      <TitledSection id="consentements" title={t("consentsTitle")}>
        {consents.length === 0 ? (
          <p className="mt-2 text-sm text-muted">{t("consentsEmpty")}</p>
        ) : (
          <ul className="mt-3 space-y-3">
            {consents.map((c) => (
              <li key={c.purposeId} className="rounded-md border border-line p-4" data-testid="preference-consent">
                <p className="font-medium">{c.wording}</p>
                <p className="mt-1 text-xs text-muted">{t("campaign", { campaign: c.campaign.title })}</p>
                <p className={c.confirmed ? "mt-2 text-sm text-green-800" : c.consenting ? "mt-2 text-sm text-amber-800" : "mt-2 text-sm text-red-800"}>
                  {c.consenting ? `${c.confirmed ? t("statusConfirmed") : t("statusPending")} · ${t("since", { date: date(c.since) })}` : t("statusOff", { date: date(c.since) })}
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
      </TitledSection>

      {objection.offered && (
        <TitledSection id="profilage" title={t("profilingTitle")} lead={t("profilingText")}>
          {objection.objectedAt ? (
            <p className="mt-2 text-sm text-green-800">{t("profilingObjected", { date: date(objection.objectedAt) })}</p>
          ) : (
            <form action={objectToProfilingAction.bind(null, token)} className="mt-3">
              <PendingButton pendingLabel={t("profilingObjecting")} variant="secondary">
                {t("profilingObject")}
              </PendingButton>
            </form>
          )}
        </TitledSection>
      )}

      <TitledSection id="donnees" title={t("dataTitle")}>
        <DataList items={fields.map(([key, value]) => [t(key), value] as const)} />
      </TitledSection>

      <TitledSection id="telechargement" title={t("downloadTitle")} lead={t("downloadText")}>
        <a href={`${base}/donnees`} className={buttonClass("secondary", "mt-3")} download>
          {t("download")}
        </a>
      </TitledSection>

      <TitledSection id="effacement" title={t("eraseTitle")} lead={t("eraseText")}>
        <a href={`${base}/effacement`} className={buttonClass("danger", "mt-3")}>
          {t("eraseLink")}
        </a>
      </TitledSection>

      <RightsNotice organisation={org} locale={locale} />
    </PublicShell>
  );
}
