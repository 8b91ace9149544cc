import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { requirePermission } from "@/lib/auth/session";
import { getCampaignForMember } from "@/lib/campaigns/queries";
import { findCampaignWithDefinition } from "@/lib/submission/load";
import { CampaignPage } from "@/components/respondent/campaign-page";

/** The form as respondents will see it (phone-sized frame), whatever its status; it never submits. */
export default async function PreviewPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const member = await requirePermission("campaign.edit");
  const campaign = await getCampaignForMember(member, id);
  const [full, t] = await Promise.all([findCampaignWithDefinition(campaign.id), getTranslations("builder")]);
  if (!full) notFound();
  return (
    <div className="space-y-4">
      <div>
        <h2 className="text-lg font-semibold">{t("previewTitle")}</h2>
        <p className="text-sm text-muted">{t("previewLead")}</p>
      </div>
      <div className="mx-auto max-w-[430px] overflow-hidden rounded-2xl border-4 border-ink shadow-lg" data-testid="preview-frame">
        <CampaignPage campaign={full} state="OPEN" mode="preview" />
      </div>
    </div>
  );
}
