import { getTranslations } from "next-intl/server";
import type { AnalyticsFilters, AnalyticsSearch } from "@/lib/analytics/filters";
import { wordCloud } from "@/lib/wordcloud/queries";
import { Card } from "@/components/ui/card";
import { WordCloudPanel } from "./word-cloud-panel";

/** Counts the words of one open question on the server and hands the top 100 to the browser's layout. */
export async function WordCloudSection({
  campaignId,
  question,
  filters,
  search,
}: {
  campaignId: string;
  question: { id: string; label: string };
  filters: AnalyticsFilters;
  search: AnalyticsSearch;
}) {
  const [t, data] = await Promise.all([getTranslations("analytics.cloud"), wordCloud(campaignId, question.id, filters)]);
  return (
    <Card>
      <div data-testid="cloud-section">
        <h3 className="text-lg font-semibold">{t("title", { question: question.label })}</h3>
        <p className="mb-3 text-sm text-muted">{t("answers", { count: data.answers })}</p>
        {data.words.length === 0 ? (
          <p className="text-sm text-muted">{t("empty")}</p>
        ) : (
          <WordCloudPanel campaignId={campaignId} questionId={question.id} words={data.words} search={search} />
        )}
      </div>
    </Card>
  );
}

export async function WordCloudSkeleton({ label }: { label: string }) {
  const t = await getTranslations("analytics.cloud");
  return (
    <Card>
      <h3 className="text-lg font-semibold">{t("title", { question: label })}</h3>
      <p role="status" className="py-16 text-center text-sm text-muted motion-safe:animate-pulse">
        {t("loading")}
      </p>
    </Card>
  );
}
