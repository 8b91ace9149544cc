import { getTranslations } from "next-intl/server";
import { buildNotice, noticeFirstLayer, noticeTitle } from "@/lib/campaigns/notice";
import { birthDateQuestion } from "@/lib/submission/form-definition";
import type { WindowState } from "@/lib/campaigns/time-window";
import { formDefinitionOf, type CampaignWithDefinition } from "@/lib/submission/load";
import { RespondentForm } from "./respondent-form";
import { Notice } from "./notice";
import { respondentStrings } from "@/lib/submission/respondent-strings";
import { brandStyle } from "./brand";
import { CampaignHeader } from "./campaign-header";
import { EmbedHeight } from "./embed-height";
import { formatInstant } from "./format";

type Props = {
  campaign: CampaignWithDefinition;
  state: WindowState;
  /** "preview": the builder's preview, which never submits */
  mode: "live" | "preview";
};

/** The respondent's page of a campaign in each of its states; also the builder's preview. */
export async function CampaignPage({ campaign: c, state, mode }: Props) {
  const form = formDefinitionOf(c);
  const [t, strings] = await Promise.all([getTranslations({ locale: form.locale, namespace: "respondent" }), respondentStrings(form.locale, c.minimumAge)]);
  const when = (d: Date) => formatInstant(d, form.locale, c.timeZone);
  const profiling = c.purposes.find((p) => p.isProfiling);
  const noticeInput = {
    kind: c.kind,
    locale: form.locale,
    title: c.title,
    retentionMonths: c.retentionMonths,
    unconfirmedPurgeDays: c.unconfirmedPurgeDays,
    recipients: c.recipients,
    partners: c.partners,
    minimumAge: c.minimumAge,
    purposes: form.purposes,
    questionTypes: c.questions.map((q) => q.type),
    scoring: !c.questions.some((q) => q.rfmTag) ? null : profiling ? { kind: "CONSENT" as const, wording: profiling.versions[0]?.wording ?? "" } : { kind: "LEGITIMATE_INTEREST" as const },
    birthDate: Boolean(birthDateQuestion(form)),
    minorPolicy: c.minorPolicy,
  };
  const notice = buildNotice(c.organisation, noticeInput);
  const firstLayer = noticeFirstLayer(c.organisation, noticeInput);
  const rulesHref = c.kind === "CONTEST" && (c.rulesText.trim() || c.rulesFilePath) ? `/f/${c.slug}/reglement` : null;

  return (
    <div lang={form.locale} className="min-h-screen bg-gray-50 text-gray-900" style={brandStyle(c.brandColor)}>
      <CampaignHeader organisation={c.organisation.name} title={c.title} logoSrc={c.logoPath ? `/f/${c.slug}/logo` : null} />
      <main className="mx-auto max-w-xl space-y-6 px-4 py-6">
        {mode === "preview" && (
          <p role="status" className="rounded-md border border-amber-300 bg-amber-50 px-4 py-2 text-sm font-medium text-amber-900">
            {t("previewBanner")}
          </p>
        )}
        {c.description && <p className="whitespace-pre-line text-base">{c.description}</p>}
        {c.kind === "CONTEST" && c.prize && <p className="text-lg font-semibold">{t("prize", { prize: c.prize })}</p>}
        <p className="text-sm text-gray-700">{t("dates", { opens: when(c.opensAt), closes: when(c.closedManuallyAt && c.closedManuallyAt < c.closesAt ? c.closedManuallyAt : c.closesAt) })}</p>

        {state === "NOT_OPEN" && (
          <section className="rounded-lg border border-gray-300 bg-white p-5" data-testid="not-open">
            <h2 className="text-xl font-bold">{t("notOpenTitle")}</h2>
            <p className="mt-2">{t("notOpenText", { opens: when(c.opensAt) })}</p>
          </section>
        )}
        {state === "CLOSED" && (
          <section className="rounded-lg border border-gray-300 bg-white p-5" data-testid="closed">
            <h2 className="text-xl font-bold">{t("closedTitle")}</h2>
            <p className="mt-2">{t("closedText")}</p>
          </section>
        )}
        {(state === "OPEN" || mode === "preview") && (
          <>
            {c.kind === "CONTEST" && <p className="text-sm text-gray-700">{t("free")}</p>}
            <RespondentForm
              form={form}
              strings={strings}
              submitUrl={mode === "live" ? `/api/f/${encodeURIComponent(c.slug)}/submit` : null}
              rulesHref={rulesHref}
              notice={<Notice title={noticeTitle(form.locale)} blocks={notice} open={mode === "preview"} firstLayer={firstLayer} />}
            />
          </>
        )}
        {state !== "OPEN" && mode === "live" && <Notice title={noticeTitle(form.locale)} blocks={notice} />}
        <p className="pt-4 text-center text-xs text-gray-600">{t("poweredBy")}</p>
      </main>
      {mode === "live" && <EmbedHeight />}
    </div>
  );
}
