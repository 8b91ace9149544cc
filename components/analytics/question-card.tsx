import { getFormatter, getTranslations } from "next-intl/server";
import type { QuestionChart } from "@/lib/analytics/charts";
import { Card } from "@/components/ui/card";
import { CountBarChart } from "./bar-chart";
import { CountTable, FiguresDisclosure } from "./count-table";

/** One closed question: its chart with counts and percentages, and the same figures as a table. */
export async function QuestionCard({ chart }: { chart: QuestionChart }) {
  const t = await getTranslations("analytics.questions");
  // Intl, in the reader's language: "7,4" in French, "7.4" in English.
  const format = await getFormatter();
  // Yes/no answers without options carry the keys "yes" and "no": say them in the reader's language.
  const bars = chart.bars.map((b) => (chart.type === "YES_NO" && (b.key === "yes" || b.key === "no") ? { ...b, label: t(b.key) } : b));
  const ticks = bars.reduce((sum, b) => sum + b.count, 0);
  return (
    <Card>
      <div data-testid="question-chart">
        <h4 className="font-semibold">
          {chart.label}
          {chart.rfmTag && (
            <span className="ml-2 rounded bg-surface px-2 py-0.5 text-xs font-medium text-muted" title={t(`rfmTag.${chart.rfmTag}`)}>
              {t(`rfmTag.${chart.rfmTag}`)}
            </span>
          )}
        </h4>
        {chart.seen !== null ? (
          <p className="mb-2 text-sm text-muted" data-testid="question-seen" title={t("seenHint")}>
            {t("seenBy", { answered: chart.type === "MULTIPLE_CHOICE" ? ticks : chart.respondents, seen: chart.seen })}
          </p>
        ) : (
          <p className="mb-2 text-sm text-muted">
            {t("respondents", { count: chart.type === "MULTIPLE_CHOICE" ? ticks : chart.respondents })}
            {chart.unanswered ? ` · ${t("unanswered", { count: chart.unanswered })}` : ""}
          </p>
        )}
        {chart.type === "MULTIPLE_CHOICE" && <p className="mb-2 text-xs text-muted">{t(chart.seen !== null ? "multipleSeenBase" : "multipleBase", { count: chart.respondents })}</p>}
        {chart.average != null && (
          <p className="mb-2 text-sm" data-testid="scale-summary">
            <span className="font-semibold">{t("average", { value: format.number(chart.average, { maximumFractionDigits: 1 }), max: format.number(Number(chart.bars.at(-1)?.key ?? 0)) })}</span>
            {chart.nps && (
              <>
                {" · "}
                <span className="font-semibold" data-testid="nps">
                  {t("nps", { score: format.number(Math.round(chart.nps.score), { signDisplay: "exceptZero" }) })}
                </span>
                <span className="block text-xs text-muted">
                  {t("npsDetail", {
                    promoters: format.number(chart.nps.promotersPercent / 100, { style: "percent", maximumFractionDigits: 0 }),
                    detractors: format.number(chart.nps.detractorsPercent / 100, { style: "percent", maximumFractionDigits: 0 }),
                  })}
                </span>
              </>
            )}
          </p>
        )}
        <CountBarChart kind={chart.kind} bars={bars} />
        <FiguresDisclosure summary={t("table")}>
          <CountTable
            caption={chart.label}
            labelHeader={chart.kind === "histogram" ? t("value") : t("option")}
            countHeader={t("count")}
            percentHeader={t("percent")}
            rows={bars}
          />
        </FiguresDisclosure>
      </div>
    </Card>
  );
}
