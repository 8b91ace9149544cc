import type { Metadata } from "next";
import { cache } from "react";
import { getTranslations } from "next-intl/server";
import { verifySignedValue } from "@/lib/crypto/sign";
import { hashToken } from "@/lib/crypto/tokens";
import { inspectParentalConsent } from "@/lib/minors/parental";
import { PendingButton } from "@/components/consent/pending-button";
import { PublicShell, brandButtonStyle } from "@/components/consent/public-shell";
import { confirmParentalAction } from "@/lib/minors/actions";

export const dynamic = "force-dynamic";
// Read once per request: by the title and by the page (reading agrees to nothing).
const parentalConsentOf = cache(inspectParentalConsent);

export async function generateMetadata({ params }: { params: Promise<{ token: string }> }): Promise<Metadata> {
  const { campaign } = await parentalConsentOf((await params).token);
  const t = await getTranslations({ locale: campaign?.locale ?? "fr", namespace: "consent.parentPage" });
  // The token is in the URL: never send it to another site, never index it.
  return { title: t("title"), robots: { index: false, follow: false }, referrer: "no-referrer" };
}

/**
 * The page of the link mailed to a parent. Opening it agrees to nothing (mail
 * scanners open links by themselves): it names the child's entry and shows
 * the button.
 */
export default async function ParentalConsentPage({ params, searchParams }: { params: Promise<{ token: string }>; searchParams: Promise<{ ok?: string }> }) {
  const { token } = await params;
  const { ok } = await searchParams;
  const view = await parentalConsentOf(token);
  const campaign = view.campaign;
  const t = await getTranslations({ locale: campaign?.locale ?? "fr", namespace: "consent.parentPage" });
  const footer = campaign ? t("by", { organisation: campaign.organisationName }) : undefined;
  const child = view.childFirstName.trim() || t("yourChild");
  const justConfirmed = view.state === "used" && typeof ok === "string" && verifySignedValue("parental", ok) === hashToken(token);

  if (justConfirmed && campaign) {
    return (
      <PublicShell brandColor={campaign.brandColor} footer={footer}>
        <h1 className="text-2xl font-semibold">{t("doneTitle")}</h1>
        <p className="mt-3">{t("doneText", { child, campaign: campaign.title })}</p>
      </PublicShell>
    );
  }

  if (view.state === "valid" && campaign) {
    return (
      <PublicShell brandColor={campaign.brandColor} footer={footer}>
        <h1 className="text-2xl font-semibold">{t("title")}</h1>
        <p className="mt-3">{t("lead", { child, campaign: campaign.title, organisation: campaign.organisationName })}</p>
        <ul className="mt-3 list-disc space-y-1 pl-6" data-testid="parental-purposes">
          {view.purposes.map((p) => (
            <li key={p}>{p}</li>
          ))}
        </ul>
        <p className="mt-3 text-sm text-muted">{t("why", { child })}</p>
        <form action={confirmParentalAction.bind(null, token)} className="mt-6">
          <PendingButton pendingLabel={t("pending")} className="min-h-12 w-full text-base sm:w-auto" style={brandButtonStyle(campaign.brandColor)}>
            {t("button")}
          </PendingButton>
        </form>
        <p className="mt-4 text-sm text-muted">{t("ignore", { child })}</p>
      </PublicShell>
    );
  }

  const state = view.state === "used" ? "used" : view.state === "expired" ? "expired" : "unknown";
  return (
    <PublicShell brandColor={campaign?.brandColor} footer={footer}>
      <h1 className="text-2xl font-semibold">{t(`${state}Title`)}</h1>
      <p className="mt-3">{t(`${state}Text`)}</p>
    </PublicShell>
  );
}
