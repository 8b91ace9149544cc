import { getTranslations } from "next-intl/server";
import { hasFilters, type LeadFilters } from "@/lib/leads/filters";
import { leadFilterOptions, listLeads } from "@/lib/leads/queries";
import { EmptyState } from "@/components/ui/card";
import { LeadsFilters } from "./leads-filters";
import { LeadsTable } from "./leads-table";

/** Filters + table + empty states, for one campaign or the whole organisation. */
export async function LeadsView({ organisationId, campaignId, filters, basePath }: { organisationId: string; campaignId?: string; filters: LeadFilters; basePath: string }) {
  const [t, page, options] = await Promise.all([getTranslations("leads"), listLeads(organisationId, filters, campaignId), leadFilterOptions(organisationId, campaignId)]);
  if (page.total === 0 && !hasFilters(filters)) return <EmptyState title={t("emptyTitle")} text={t("emptyText")} />;
  return (
    <>
      <LeadsFilters filters={filters} options={options} basePath={basePath} />
      {page.total === 0 ? (
        <EmptyState title={t("noMatchTitle")} text={t("noMatchText")} />
      ) : (
        <LeadsTable rows={page.rows} total={page.total} pageSize={page.pageSize} filters={filters} basePath={basePath} showCampaign={!campaignId} />
      )}
    </>
  );
}
