import type { Metadata } from "next";
import { cache } from "react";
import { headers } from "next/headers";
import { getTranslations } from "next-intl/server";
import { localeFromAcceptLanguage } from "@/lib/i18n/accept-language";
import { verifySignedValue } from "@/lib/crypto/sign";
import { hashToken } from "@/lib/crypto/tokens";
import { inspectConfirmation, rewardForToken } from "@/lib/optin/confirm";
import { PendingButton } from "@/components/consent/pending-button";
import { PublicShell, brandButtonStyle } from "@/components/consent/public-shell";
import { confirmAction } from "@/lib/optin/actions";

export const dynamic = "force-dynamic";
// Read once per request: by the title and by the page (reading confirms nothing).
const confirmationOf = cache(inspectConfirmation);

export async function generateMetadata({ params }: { params: Promise<{ token: string }> }): Promise<Metadata> {
  const { campaign } = await confirmationOf((await params).token);
  const locale = campaign?.locale ?? localeFromAcceptLanguage((await headers()).get("accept-language"));
  const t = await getTranslations({ locale, namespace: "consent.confirmPage" });
  // The token is in the URL: never send it to another site, never index it.
  return { title: t("title"), robots: { index: false, follow: false }, referrer: "no-referrer" };
}

/**
 * The confirmation link's page. Opening it confirms nothing (mail scanners
 * open links by themselves): it only shows the "Confirmer" button.
 */
export default async function ConfirmPage({ params, searchParams }: { params: Promise<{ token: string }>; searchParams: Promise<{ ok?: string }> }) {
  const { token } = await params;
  const { ok } = await searchParams;
  const view = await confirmationOf(token);
  const campaign = view.campaign;
  // An unknown link has no campaign to take its language from: the visitor's browser tells it.
  const locale = campaign?.locale ?? localeFromAcceptLanguage((await headers()).get("accept-language"));
  const t = await getTranslations({ locale, namespace: "consent.confirmPage" });
  const footer = campaign ? t("by", { organisation: campaign.organisationName }) : undefined;
  const justConfirmed = view.state === "used" && typeof ok === "string" && verifySignedValue("confirmed", ok) === hashToken(token);

  if (justConfirmed && campaign) {
    const reward = await rewardForToken(token);
    return (
      <PublicShell brandColor={campaign.brandColor} footer={footer}>
        <h1 className="text-2xl font-semibold">{t("doneTitle")}</h1>
        <p className="mt-3">{t("doneText", { campaign: campaign.title })}</p>
        {(view.purposes?.length ?? 0) > 0 && <PurposeList intro={t("donePurposes")} wordings={view.purposes!} />}
        {reward && (
          <div className="mt-5 space-y-3">
            <p className="whitespace-pre-line" data-testid="reward-text">
              {reward.deliveryText.trim() || t("rewardText")}
            </p>
            <a href={reward.link} className="inline-flex min-h-11 items-center rounded-md px-5 py-2 font-medium text-white" style={brandButtonStyle(campaign.brandColor)} rel="noopener noreferrer">
              {t("rewardButton")}
            </a>
            <p className="text-sm text-muted">{t("rewardMailed")}</p>
          </div>
        )}
        {campaign.nextUrl && (
          <p className="mt-5">
            <a href={campaign.nextUrl} className="font-medium underline" rel="noopener noreferrer" data-testid="thanks-next">
              {t("next")}
            </a>
          </p>
        )}
      </PublicShell>
    );
  }

  if (view.state === "valid" && campaign) {
    return (
      <PublicShell brandColor={campaign.brandColor} footer={footer}>
        <h1 className="text-2xl font-semibold">{t("title")}</h1>
        <p className="mt-3">{t("lead", { campaign: campaign.title })}</p>
        {(view.purposes?.length ?? 0) > 0 ? <PurposeList intro={t("purposesIntro")} wordings={view.purposes!} /> : <p className="mt-3">{t("noPurposes")}</p>}
        <form action={confirmAction.bind(null, token)} className="mt-6">
          <PendingButton pendingLabel={t("pending")} className="min-h-12 w-full text-base sm:w-auto" style={brandButtonStyle(campaign.brandColor)}>
            {t("button")}
          </PendingButton>
        </form>
        <p className="mt-4 text-sm text-muted">{t("why")}</p>
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

/** The purposes the click confirms, in the exact wording the person ticked. */
function PurposeList({ intro, wordings }: { intro: string; wordings: readonly string[] }) {
  return (
    <div className="mt-4" data-testid="confirmed-purposes">
      <p>{intro}</p>
      <ul className="mt-2 list-disc space-y-1 pl-5">
        {wordings.map((w) => (
          <li key={w}>{w}</li>
        ))}
      </ul>
    </div>
  );
}
