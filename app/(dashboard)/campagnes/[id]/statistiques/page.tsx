import { Suspense } from "react";
import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { formatBucket } from "@/lib/i18n/format";
import { requirePermission } from "@/lib/auth/session";
import { can } from "@/lib/auth/roles";
import { getAnalyticsCampaign, getDashboardData, sourceOptions } from "@/lib/analytics/queries";
import { filtersFromSearch, parseAnalyticsSearch } from "@/lib/analytics/filters";
import { segmentKey } from "@/lib/rfm/segments";
import { wordCloud } from "@/lib/wordcloud/queries";
import { Card, EmptyState } from "@/components/ui/card";
import { FiltersForm } from "@/components/analytics/filters-form";
import { KpiCards } from "@/components/analytics/kpi-cards";
import { TimeSeriesChart } from "@/components/analytics/time-series-chart";
import { CountBarChart } from "@/components/analytics/bar-chart";
import { CountTable, FiguresDisclosure } from "@/components/analytics/count-table";
import { ConsentRates } from "@/components/analytics/consent-rates";
import { WordCloudSection, WordCloudSkeleton } from "@/components/analytics/word-cloud-section";
import { QuestionCard } from "@/components/analytics/question-card";

/** The campaign's dashboard: every chart under the same date-range and source filters (statistics only, no personal data). */
export default async function CampaignStatisticsPage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const [{ id }, query] = await Promise.all([params, searchParams]);
  const member = await requirePermission("stats.view");
  const campaign = await getAnalyticsCampaign(member.organisationId, id);
  const search = parseAnalyticsSearch(query);
  const filters = filtersFromSearch(search, campaign.timeZone);
  const locale = await getLocale();
  const [data, sources, t] = await Promise.all([
    getDashboardData(campaign, filters, search.granularity),
    sourceOptions(campaign.id),
    getTranslations("analytics"),
  ]);
  const base = `/campagnes/${campaign.id}/statistiques`;
  const canSeeLeads = can(member.role, "leads.view");
  const filtered = Boolean(search.from || search.to || search.source);

  const header = (
    <div>
      <h2 className="text-xl font-semibold">{t("title")}</h2>
      <p className="mt-1 text-muted">{t("lead")}</p>
    </div>
  );
  if (data.totals.submissions === 0 && data.totals.views === 0 && !filtered) {
    return (
      <div className="space-y-4">
        {header}
        <EmptyState title={t("empty.title")} text={t("empty.text")} />
      </div>
    );
  }

  const segmentLabel = (segment: string | null) => {
    if (segment === null) return t("rfm.unclassified");
    const key = segmentKey(segment);
    return key ? t(`segments.${key}`) : segment;
  };
  const rfmBars = (data.rfm ?? []).map((s) => ({
    key: s.segment ?? "none",
    label: segmentLabel(s.segment),
    count: s.count,
    percent: data.totals.submissions ? Math.round((s.count / data.totals.submissions) * 1000) / 10 : 0,
  }));
  const utmRows = data.sources.utm.map((s) => ({
    key: `${s.source}/${s.medium}`,
    label: `${s.source || t("sources.direct")}${s.medium ? ` / ${s.medium}` : ""}`,
    count: s.count,
  }));

  return (
    <div className="space-y-6" data-testid="statistics">
      {header}
      <FiltersForm action={base} search={search} sources={sources} />
      <KpiCards totals={data.totals} />

      <Card>
        <h3 className="mb-3 text-lg font-semibold">{t("series.title")}</h3>
        {data.totals.submissions === 0 && data.totals.views === 0 ? (
          <p className="text-sm text-muted">{t("series.empty")}</p>
        ) : (
          <>
            <TimeSeriesChart points={data.series.points} />
            <FiguresDisclosure summary={t("questions.table")}>
              <table className="min-w-full text-sm">
                <caption className="sr-only">{t("series.title")}</caption>
                <thead>
                  <tr>
                    <th scope="col" className="px-3 py-1 text-left text-muted">{t("series.period")}</th>
                    <th scope="col" className="px-3 py-1 text-right text-muted">{t("series.submissions")}</th>
                    <th scope="col" className="px-3 py-1 text-right text-muted">{t("series.views")}</th>
                  </tr>
                </thead>
                <tbody className="divide-y divide-line">
                  {data.series.points.map((p) => (
                    <tr key={p.bucket}>
                      <td className="px-3 py-1">{formatBucket(p.bucket, locale)}</td>
                      <td className="px-3 py-1 text-right tabular-nums">{p.submissions}</td>
                      <td className="px-3 py-1 text-right tabular-nums">{p.views}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </FiguresDisclosure>
          </>
        )}
      </Card>

      <div className="grid gap-6 lg:grid-cols-2">
        <Card>
          <h3 className="mb-3 text-lg font-semibold">{t("sources.title")}</h3>
          {utmRows.length === 0 ? (
            <p className="text-sm text-muted">{t("sources.empty")}</p>
          ) : (
            <div className="space-y-4">
              <CountBarChart
                kind="choices"
                testId="sources-chart"
                bars={utmRows.map((r) => ({ key: r.key, label: r.label, count: r.count, percent: Math.round((r.count / data.totals.submissions) * 1000) / 10 }))}
              />
              <CountTable caption={t("sources.utm")} labelHeader={t("sources.utm")} countHeader={t("sources.count")} rows={utmRows} testId="sources-table" />
              <CountTable
                caption={t("sources.referrers")}
                labelHeader={t("sources.referrer")}
                countHeader={t("sources.count")}
                rows={data.sources.referrers.map((r) => ({ key: r.host || "none", label: r.host || t("sources.noReferrer"), count: r.count }))}
              />
            </div>
          )}
        </Card>
        <Card>
          <h3 className="mb-3 text-lg font-semibold">{t("consents.title")}</h3>
          <ConsentRates rates={data.consents} contacts={data.consents[0]?.contacts ?? 0} />
        </Card>
      </div>

      <Card>
        <div className="mb-3 flex flex-wrap items-baseline justify-between gap-2">
          <h3 className="text-lg font-semibold">{t("rfm.title")}</h3>
          <Link href="/aide/rfm" className="text-sm text-brand underline">
            {t("rfm.help")}
          </Link>
        </div>
        {data.rfm === null ? (
          <p className="text-sm text-muted">{t("rfm.none")}</p>
        ) : (
          <div data-testid="rfm-section">
            <p className="mb-3 text-sm text-muted">{t("rfm.lead")}</p>
            <CountBarChart kind="choices" bars={rfmBars} testId="rfm-chart" />
            <FiguresDisclosure summary={t("questions.table")}>
              <CountTable
                caption={t("rfm.title")}
                labelHeader={t("rfm.segment")}
                countHeader={t("questions.count")}
                percentHeader={t("questions.percent")}
                rows={rfmBars.map((bar) =>
                  // Members who may see leads jump from a segment to its leads (viewers get the figures only).
                  canSeeLeads && bar.key !== "none" && bar.count > 0
                    ? { ...bar, label: <Link className="text-brand underline" href={`/campagnes/${campaign.id}/leads?segment=${encodeURIComponent(bar.key)}`}>{bar.label}</Link> }
                    : bar,
                )}
              />
            </FiguresDisclosure>
          </div>
        )}
      </Card>

      <section aria-labelledby="questions-title" className="space-y-4">
        <h3 id="questions-title" className="text-lg font-semibold">
          {t("questions.title")}
        </h3>
        {data.questions.length === 0 ? (
          <p className="text-sm text-muted">{t("questions.empty")}</p>
        ) : (
          <div className="grid gap-6 lg:grid-cols-2">
            {data.questions.map((chart) => (
              <QuestionCard key={chart.id} chart={chart} />
            ))}
          </div>
        )}
      </section>

      {data.openQuestions.map((q) => (
        <Suspense key={`${q.id}-${JSON.stringify(search)}`} fallback={<WordCloudSkeleton label={q.label} />}>
          <WordCloudSection campaignId={campaign.id} question={q} cloud={wordCloud(campaign.id, q.id, filters)} search={search} />
        </Suspense>
      ))}
    </div>
  );
}
