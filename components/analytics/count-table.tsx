import type { ReactNode } from "react";
import { useLocale } from "next-intl";
import { formatNumber, formatPercent } from "@/lib/i18n/format";
import { Table, Td, Th } from "@/components/ui/table";

type CountRow = { key: string; label: ReactNode; count: number; percent?: number | null };

/**
 * The figures of a chart as a table, so screen readers (and anyone who wants
 * exact numbers) get the same information as the picture.
 */
export function CountTable({
  caption,
  labelHeader,
  countHeader,
  percentHeader,
  rows,
  testId,
}: {
  caption: string;
  labelHeader: string;
  countHeader: string;
  percentHeader?: string;
  rows: CountRow[];
  testId?: string;
}) {
  const locale = useLocale();
  return (
    <Table caption={caption}>
      <thead>
        <tr>
          <Th>{labelHeader}</Th>
          <Th className="text-right">{countHeader}</Th>
          {percentHeader && <Th className="text-right">{percentHeader}</Th>}
        </tr>
      </thead>
      <tbody className="divide-y divide-line" data-testid={testId}>
        {rows.map((row) => (
          <tr key={row.key}>
            <Td>{row.label}</Td>
            <Td className="text-right tabular-nums">{formatNumber(row.count, locale)}</Td>
            {percentHeader && <Td className="text-right tabular-nums">{row.percent === null || row.percent === undefined ? "—" : formatPercent(row.percent, locale)}</Td>}
          </tr>
        ))}
      </tbody>
    </Table>
  );
}

/** A chart with its table folded beneath it. */
export function FiguresDisclosure({ summary, children }: { summary: string; children: ReactNode }) {
  return (
    <details className="mt-3">
      <summary className="cursor-pointer text-sm font-medium text-brand">{summary}</summary>
      <div className="mt-2">{children}</div>
    </details>
  );
}
