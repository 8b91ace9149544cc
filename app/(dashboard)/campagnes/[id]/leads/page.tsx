import { getTranslations } from "next-intl/server";
import { requirePermission } from "@/lib/auth/session";
import { getCampaignForMember } from "@/lib/campaigns/queries";
import { parseLeadFilters } from "@/lib/leads/filters";
import { leadFilterOptions, listLeads } from "@/lib/leads/queries";
import { LeadsView } from "@/components/leads/leads-view";

export default async function CampaignLeadsPage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const [{ id }, query] = await Promise.all([params, searchParams]);
  const member = await requirePermission("leads.view");
  const campaign = await getCampaignForMember(member, id);
  const t = await getTranslations("leads");
  const filters = parseLeadFilters({ ...query, campaign: undefined });
  const [page, options] = await Promise.all([listLeads(member.organisationId, filters, campaign.id), leadFilterOptions(member.organisationId, campaign.id)]);
  return (
    <div className="space-y-4">
      <div>
        <h2 className="text-xl font-semibold">{t("title")}</h2>
        <p className="mt-1 text-muted">{t("campaignLead")}</p>
      </div>
      <LeadsView page={page} options={options} showCampaign={false} filters={filters} basePath={`/campagnes/${campaign.id}/leads`} />
    </div>
  );
}
