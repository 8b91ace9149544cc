import { getTranslations } from "next-intl/server";
import { requirePermission } from "@/lib/auth/session";
import { getCampaignForMember } from "@/lib/campaigns/queries";
import { exportSetup } from "@/lib/export/queries";
import { PRESETS, defaultPreset } from "@/lib/export/presets";
import { ExportForm } from "@/components/export/export-form";
import { segmentNamer } from "@/components/analytics/segment-name";
import { AnalysisExport } from "@/components/export/analysis-export";

export default async function ExportPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const member = await requirePermission("leads.export");
  const campaign = await getCampaignForMember(member, id);
  const [t, setup, segmentName] = await Promise.all([getTranslations("export"), exportSetup(member.organisationId, campaign.id), segmentNamer()]);
  const drawn = !!setup.activeDraw;
  const presets = PRESETS.filter((p) => campaign.kind === "CONTEST" || (p !== "qualified-losers" && p !== "winners")).map((preset) => ({
    preset,
    available: preset === "qualified-losers" || preset === "winners" ? drawn : preset === "segment" ? setup.segments.length > 0 : setup.purposes.length > 0,
  }));
  return (
    <div className="space-y-4">
      <div>
        <h2 className="text-xl font-semibold">{t("title")}</h2>
        <p className="mt-1 max-w-3xl text-muted">{t("lead")}</p>
      </div>
      <ExportForm
        campaignId={campaign.id}
        presets={presets}
        defaultPreset={defaultPreset(campaign, drawn)}
        purposes={setup.purposes}
        segments={setup.segments.map((s) => ({ ...s, label: segmentName(s.segment) }))}
        mapping={setup.mapping}
        questionLabels={Object.fromEntries(setup.campaign.questions.map((q) => [q.id, q.label]))}
      />
      <AnalysisExport campaignId={campaign.id} />
    </div>
  );
}
