"use client";
import { useLocale, useTranslations } from "next-intl";
import { formatBucket } from "@/lib/i18n/format";
import { CartesianGrid, Legend, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import type { SeriesPoint } from "@/lib/analytics/series";
import { CHART } from "./colors";

/** Entries and views per day or hour (the table beside it carries the same figures for screen readers). */
export function TimeSeriesChart({ points }: { points: SeriesPoint[] }) {
  const t = useTranslations("analytics.series");
  const locale = useLocale();
  const bucket = (value: unknown) => formatBucket(String(value), locale);
  return (
    <div className="h-64 w-full" aria-hidden="true" data-testid="series-chart">
      <ResponsiveContainer width="100%" height="100%">
        <LineChart data={points} margin={{ top: 8, right: 16, bottom: 8, left: 0 }}>
          <CartesianGrid stroke={CHART.grid} strokeDasharray="3 3" />
          <XAxis dataKey="bucket" tick={{ fontSize: 12, fill: CHART.text }} minTickGap={24} tickFormatter={bucket} />
          <YAxis allowDecimals={false} tick={{ fontSize: 12, fill: CHART.text }} width={48} />
          <Tooltip labelFormatter={bucket} />
          <Legend />
          <Line type="monotone" dataKey="submissions" name={t("submissions")} stroke={CHART.main} strokeWidth={2} dot={false} isAnimationActive={false} />
          <Line type="monotone" dataKey="views" name={t("views")} stroke={CHART.second} strokeWidth={1.5} dot={false} isAnimationActive={false} />
        </LineChart>
      </ResponsiveContainer>
    </div>
  );
}
