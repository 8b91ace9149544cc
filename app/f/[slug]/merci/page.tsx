import type { Metadata } from "next";
import { cache } from "react";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { verifySignedValue } from "@/lib/crypto/sign";
import { findEntryForThanks } from "@/lib/submission/load";
import { maskEmail } from "@/lib/submission/email";
import { formatInstant } from "@/components/respondent/format";
import { textOn } from "@/components/respondent/brand";
import { ResendConfirmation } from "@/components/consent/resend-confirmation";
import { isHttpUrl } from "@/lib/campaigns/redirect-url";

/** Seconds the thank-you stays on screen before the marketer's redirect. */
const REDIRECT_SECONDS = 6;

type Props = { params: Promise<{ slug: string }>; searchParams: Promise<{ r?: string }> };

// Read once per request: by the title and by the page.
const entryOf = cache(async (slug: string, r: string | undefined) => {
  const responseId = typeof r === "string" ? verifySignedValue("thanks", r) : null;
  return responseId ? findEntryForThanks(slug, responseId) : null;
});

export async function generateMetadata({ params, searchParams }: Props): Promise<Metadata> {
  const [{ slug }, { r }] = await Promise.all([params, searchParams]);
  const entry = await entryOf(slug, r);
  const t = await getTranslations({ locale: entry?.campaign.locale === "en" ? "en" : "fr", namespace: "respondent" });
  return { title: t("thanksPageTitle") };
}

/** After an entry: what happens next (confirm the address; the reward or the draw after that). */
export default async function ThanksPage({ params, searchParams }: Props) {
  const [{ slug }, { r }] = await Promise.all([params, searchParams]);
  const entry = await entryOf(slug, r);
  if (!entry) notFound();
  const c = entry.campaign;
  const locale = c.locale === "en" ? "en" : "fr";
  const t = await getTranslations({ locale, namespace: "respondent" });
  const hasEmail = Boolean(entry.email);
  // Read again through the one URL rule: only http(s) ever reaches the page, whatever the row holds.
  const next = isHttpUrl(c.thanksRedirectUrl) ? c.thanksRedirectUrl : null;
  return (
    <div lang={locale} className="min-h-screen bg-gray-50 text-gray-900">
      <div style={{ backgroundColor: c.brandColor, color: textOn(c.brandColor) }} className="px-4 py-5">
        <div className="mx-auto max-w-xl">
          <p className="text-sm font-medium opacity-90">{c.organisation.name}</p>
          <p className="mt-1 text-lg font-semibold">{c.title}</p>
        </div>
      </div>
      <main className="mx-auto max-w-xl space-y-4 px-4 py-8" data-testid="thanks">
        {/* React hoists this into the head: the browser follows it without any script. */}
        {next && <meta httpEquiv="refresh" content={`${REDIRECT_SECONDS};url=${next}`} />}
        <h1 className="text-2xl font-bold">{hasEmail ? t("thanksTitle") : t("thanksSurveyDone")}</h1>
        {c.thanksMessage.trim() && (
          <p className="whitespace-pre-line text-base" data-testid="thanks-message">
            {c.thanksMessage}
          </p>
        )}
        {hasEmail ? (
          <>
            <p className="text-base">{t("thanksConfirm", { email: maskEmail(entry.email!) })}</p>
            {c.kind === "CONTEST" && <p>{t("thanksContest", { closes: formatInstant(c.closesAt, locale, c.timeZone) })}</p>}
            {c.kind === "LEAD_MAGNET" && <p>{t("thanksLeadMagnet")}</p>}
            {c.kind === "SURVEY" && <p>{t("thanksSurvey")}</p>}
            <p className="text-sm text-gray-700">{t("thanksSpam")}</p>
            <ResendConfirmation reference={r!} locale={locale} />
          </>
        ) : (
          <p>{t("thanksSurvey")}</p>
        )}
        {next && (
          <div className="rounded-md border border-gray-300 bg-white p-4" data-testid="thanks-redirect">
            <p className="text-sm text-gray-700">{t("thanksRedirect", { host: new URL(next).host })}</p>
            <a href={next} rel="noopener" className="mt-2 inline-block font-semibold underline">
              {t("thanksContinue")}
            </a>
          </div>
        )}
      </main>
    </div>
  );
}
