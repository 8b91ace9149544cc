import { getTranslations } from "next-intl/server";
import { requirePermission } from "@/lib/auth/session";
import { parseLeadFilters } from "@/lib/leads/filters";
import { leadFilterOptions, listLeads } from "@/lib/leads/queries";
import { PageHeader } from "@/components/ui/card";
import { LeadsView } from "@/components/leads/leads-view";

/** The organisation's leads across all campaigns (personal data: not for viewers). */
export default async function ContactsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const member = await requirePermission("leads.view");
  const t = await getTranslations("leads");
  const filters = parseLeadFilters(await searchParams);
  const [page, options] = await Promise.all([listLeads(member.organisationId, filters), leadFilterOptions(member.organisationId)]);
  return (
    <>
      <PageHeader title={t("orgTitle")} lead={t("orgLead")} />
      <LeadsView page={page} options={options} showCampaign filters={filters} basePath="/contacts" />
    </>
  );
}
