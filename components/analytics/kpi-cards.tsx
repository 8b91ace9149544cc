import { getLocale, getTranslations } from "next-intl/server";
import { formatNumber, formatPercent } from "@/lib/i18n/format";
import type { Totals } from "@/lib/analytics/queries";

function Kpi({ label, value, hint, testId }: { label: string; value: string; hint?: string; testId: string }) {
  return (
    <div className="rounded-lg border border-line bg-white p-4 shadow-sm">
      <dt className="text-sm text-muted">{label}</dt>
      <dd className="mt-1 text-2xl font-semibold tabular-nums" data-testid={testId}>
        {value}
      </dd>
      {hint && <dd className="mt-1 text-xs text-muted">{hint}</dd>}
    </div>
  );
}

/** Views, entries, completion and confirmation rates at a glance. */
export async function KpiCards({ totals }: { totals: Totals }) {
  const t = await getTranslations("analytics.kpi");
  const locale = await getLocale();
  const pct = (v: number | null) => (v === null ? t("none") : formatPercent(v, locale));
  return (
    <section aria-label={t("submissions")}>
      <dl className="grid grid-cols-2 gap-3 md:grid-cols-4">
        <Kpi label={t("views")} value={formatNumber(totals.views, locale)} testId="kpi-views" />
        <Kpi label={t("submissions")} value={formatNumber(totals.submissions, locale)} testId="kpi-submissions" />
        <Kpi label={t("completionRate")} value={pct(totals.completionRate)} hint={t("completionHint")} testId="kpi-completion" />
        <Kpi
          label={t("confirmationRate")}
          value={pct(totals.confirmationRate)}
          hint={t("confirmationHint", { confirmed: totals.confirmed, submissions: totals.submissions })}
          testId="kpi-confirmation"
        />
      </dl>
      <p className="mt-2 text-xs text-muted">{t("rejected", { count: totals.rejected })}</p>
    </section>
  );
}
