import { redirect } from "next/navigation";
import { requireUser } from "@/lib/auth/session";
import { can } from "@/lib/auth/roles";
import { getCampaignForMember } from "@/lib/campaigns/queries";

export default async function CampaignBuilderPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const member = await requireUser();
  const campaign = await getCampaignForMember(member, id);
  // Viewers never edit: their entry point into a campaign is its statistics.
  if (!can(member.role, "campaign.edit")) redirect(`/campagnes/${campaign.id}/statistiques`);
  return <p className="text-muted">…</p>;
}
