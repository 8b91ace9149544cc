import { getTranslations } from "next-intl/server";
import { hasFilters, type LeadFilters } from "@/lib/leads/filters";
import type { LeadFilterOptions, LeadsPage } from "@/lib/leads/queries";
import { EmptyState } from "@/components/ui/card";
import { LeadsFilters } from "./leads-filters";
import { LeadsTable } from "./leads-table";

/** Filters + table + empty states, for one campaign or the whole organisation (the page fetches the rows). */
export async function LeadsView({ page, options, showCampaign, filters, basePath }: { page: LeadsPage; options: LeadFilterOptions; showCampaign: boolean; filters: LeadFilters; basePath: string }) {
  const t = await getTranslations("leads");
  if (page.total === 0 && !hasFilters(filters)) return <EmptyState title={t("emptyTitle")} text={t("emptyText")} />;
  return (
    <>
      <LeadsFilters filters={filters} options={options} basePath={basePath} />
      {page.total === 0 ? (
        <EmptyState title={t("noMatchTitle")} text={t("noMatchText")} />
      ) : (
        <LeadsTable rows={page.rows} total={page.total} pageSize={page.pageSize} filters={filters} basePath={basePath} showCampaign={showCampaign} />
      )}
    </>
  );
}
