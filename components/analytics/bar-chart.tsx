"use client";
import { Bar, BarChart, CartesianGrid, LabelList, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import type { Bar as BarDatum } from "@/lib/analytics/charts";
import { useLocale } from "next-intl";
import { formatNumber, formatPercent } from "@/lib/i18n/format";
import { CHART } from "./colors";

const label = (d: BarDatum, locale: string) => `${formatNumber(d.count, locale)} · ${formatPercent(d.percent, locale)}`;

/**
 * Counts with percentages: horizontal bars for choices (long labels read
 * well), vertical bars for a scale's histogram. Hidden from screen readers:
 * the data table beside it says the same.
 */
export function CountBarChart({ bars, kind, testId }: { bars: BarDatum[]; kind: "choices" | "histogram"; testId?: string }) {
  const locale = useLocale();
  const data = bars.map((b) => ({ ...b, text: label(b, locale) }));
  if (kind === "histogram") {
    return (
      <div className="h-56 w-full" aria-hidden="true" data-testid={testId}>
        <ResponsiveContainer width="100%" height="100%">
          <BarChart data={data} margin={{ top: 20, right: 8, bottom: 4, left: 0 }}>
            <CartesianGrid stroke={CHART.grid} strokeDasharray="3 3" vertical={false} />
            <XAxis dataKey="label" tick={{ fontSize: 12, fill: CHART.text }} />
            <YAxis allowDecimals={false} tick={{ fontSize: 12, fill: CHART.text }} width={40} />
            <Tooltip formatter={(_v, _n, item) => (item.payload as { text: string }).text} />
            <Bar dataKey="count" fill={CHART.main} isAnimationActive={false}>
              <LabelList dataKey="count" position="top" fontSize={11} fill={CHART.text} />
            </Bar>
          </BarChart>
        </ResponsiveContainer>
      </div>
    );
  }
  const height = Math.max(120, data.length * 36 + 24);
  return (
    <div className="w-full" style={{ height }} aria-hidden="true" data-testid={testId}>
      <ResponsiveContainer width="100%" height="100%">
        <BarChart data={data} layout="vertical" margin={{ top: 4, right: 96, bottom: 4, left: 8 }}>
          <CartesianGrid stroke={CHART.grid} strokeDasharray="3 3" horizontal={false} />
          <XAxis type="number" allowDecimals={false} tick={{ fontSize: 12, fill: CHART.text }} />
          <YAxis type="category" dataKey="label" width={140} tick={{ fontSize: 12, fill: CHART.text }} />
          <Tooltip formatter={(_v, _n, item) => (item.payload as { text: string }).text} />
          <Bar dataKey="count" fill={CHART.main} isAnimationActive={false}>
            <LabelList dataKey="text" position="right" fontSize={11} fill={CHART.text} />
          </Bar>
        </BarChart>
      </ResponsiveContainer>
    </div>
  );
}
