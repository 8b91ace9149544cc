import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { filtersQuery, type LeadFilters, type LeadSort } from "@/lib/leads/filters";
import type { LeadRow } from "@/lib/leads/queries";
import { Table, Td, Th } from "@/components/ui/table";
import { segmentNamer } from "@/components/analytics/segment-name";
import { DrawStatusBadge } from "./draw-status-badge";

/** One page of leads with sortable headers (links, so sorting keeps the filters) and pagination. */
export async function LeadsTable({
  rows,
  total,
  pageSize,
  filters,
  basePath,
  showCampaign,
}: {
  rows: LeadRow[];
  total: number;
  pageSize: number;
  filters: LeadFilters;
  basePath: string;
  showCampaign?: boolean;
}) {
  const [t, format, segmentName] = await Promise.all([getTranslations("leads"), getFormatter(), segmentNamer()]);
  const pages = Math.max(1, Math.ceil(total / pageSize));
  const sortHeader = (key: LeadSort, label: string) => {
    const active = filters.sort === key;
    const dir = active && filters.dir === "desc" ? "asc" : "desc";
    return (
      <Th aria-sort={active ? (filters.dir === "asc" ? "ascending" : "descending") : undefined}>
        <Link href={`${basePath}${filtersQuery(filters, { sort: key, dir, page: 1 })}`} aria-label={t("sortBy", { column: label })} className="hover:underline">
          {label}
          {active && <span aria-hidden="true">{filters.dir === "asc" ? " ▲" : " ▼"}</span>}
        </Link>
      </Th>
    );
  };
  return (
    <div className="space-y-3">
      <p className="text-sm text-muted" data-testid="leads-total">
        {t("total", { count: total })}
      </p>
      <Table caption={t("title")}>
        <thead>
          <tr>
            {sortHeader("email", t("email"))}
            {sortHeader("lastName", t("name"))}
            {showCampaign && <Th>{t("campaign")}</Th>}
            {sortHeader("submittedAt", t("submittedAt"))}
            {sortHeader("segment", t("segment"))}
            <Th className="whitespace-nowrap">{t("scores")}</Th>
            <Th>{t("source")}</Th>
            <Th>{t("drawStatus")}</Th>
          </tr>
        </thead>
        <tbody className="divide-y divide-line" data-testid="leads-rows">
          {rows.map((row) => (
            <tr key={row.id} className="hover:bg-surface">
              <Td>
                <Link href={`/campagnes/${row.campaignId}/leads/${row.id}`} className="font-medium text-brand underline">
                  {row.email}
                </Link>
                {!row.confirmed && <span className="ml-2 whitespace-nowrap rounded bg-amber-100 px-1.5 py-0.5 text-xs text-amber-900">{t("unconfirmed")}</span>}
              </Td>
              <Td>{`${row.firstName} ${row.lastName}`.trim()}</Td>
              {showCampaign && <Td>{row.campaignTitle}</Td>}
              <Td className="whitespace-nowrap">{format.dateTime(row.submittedAt, { dateStyle: "short", timeStyle: "short" })}</Td>
              <Td>{row.segment ? segmentName(row.segment) : "—"}</Td>
              <Td className="whitespace-nowrap">{[row.rScore, row.fScore, row.mScore].map((s) => s ?? "–").join(" / ")}</Td>
              <Td>{row.utmSource || t("direct")}</Td>
              <Td>
                <DrawStatusBadge status={row.drawStatus} label={row.drawStatus ? t(`status.${row.drawStatus}`) : ""} />
                {row.excluded && <span className="ml-1 whitespace-nowrap rounded bg-red-100 px-1.5 py-0.5 text-xs text-red-900">{t("excluded")}</span>}
              </Td>
            </tr>
          ))}
        </tbody>
      </Table>
      {pages > 1 && (
        <nav className="flex items-center gap-4 text-sm" aria-label={t("page", { page: filters.page, pages })}>
          {filters.page > 1 && <Link href={`${basePath}${filtersQuery(filters, { page: filters.page - 1 })}`}>← {t("previous")}</Link>}
          <span className="text-muted">{t("page", { page: filters.page, pages })}</span>
          {filters.page < pages && <Link href={`${basePath}${filtersQuery(filters, { page: filters.page + 1 })}`}>{t("next")} →</Link>}
        </nav>
      )}
    </div>
  );
}
