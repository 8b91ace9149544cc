import { getTranslations } from "next-intl/server";
import type { AnalyticsSearch } from "@/lib/analytics/filters";
import type { WordCloudData } from "@/lib/wordcloud/queries";
import { Card } from "@/components/ui/card";
import { WordCloudPanel } from "./word-cloud-panel";

/**
 * One open question's top 100 words, handed to the browser's layout. The page starts the count and
 * passes its promise, so this section streams in under its Suspense boundary.
 */
export async function WordCloudSection({
  campaignId,
  question,
  cloud,
  search,
}: {
  campaignId: string;
  question: { id: string; label: string };
  cloud: Promise<WordCloudData>;
  search: AnalyticsSearch;
}) {
  const [t, data] = await Promise.all([getTranslations("analytics.cloud"), cloud]);
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
