import Link from "next/link";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { requireUser } from "@/lib/auth/session";
import { can } from "@/lib/auth/roles";
import { getBuilderData, getCampaignForMember } from "@/lib/campaigns/queries";
import { windowState } from "@/lib/campaigns/time-window";
import { appUrl } from "@/lib/env";
import { Card } from "@/components/ui/card";
import { ButtonLink } from "@/components/ui/button";
import { CampaignBuilder } from "@/components/builder/campaign-builder";
import { FileUpload } from "@/components/builder/file-upload";
import { PublishPanel } from "@/components/builder/publish-panel";
import { BuilderDraftProvider } from "@/components/builder/builder-draft";
import { livePreviewStrings } from "@/lib/submission/respondent-strings";
import { getOrganisation } from "@/lib/orgs/queries";

export default async function CampaignBuilderPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const member = await requireUser();
  const campaign = await getCampaignForMember(member, id);
  // Viewers never edit: their entry point into a campaign is its statistics.
  if (!can(member.role, "campaign.edit")) redirect(`/campagnes/${campaign.id}/statistiques`);
  const [data, t, org, fr, en] = await Promise.all([
    getBuilderData(member, id),
    getTranslations("builder"),
    getOrganisation(member.organisationId),
    livePreviewStrings("fr"),
    livePreviewStrings("en"),
  ]);
  // Only what the notice quotes reaches the browser (the row also holds secrets).
  const controller = { name: org.name, legalName: org.legalName, address: org.address, contactEmail: org.contactEmail, dpoName: org.dpoName, dpoEmail: org.dpoEmail };
  const c = data.campaign;
  const publicUrl = `${appUrl()}/f/${c.slug}`;
  const logo = c.logoPath ? `/f/${c.slug}/logo?v=${encodeURIComponent(c.logoPath)}` : undefined;
  return (
    <BuilderDraftProvider>
      <div className="space-y-6">
        <Card>
          <div className="flex flex-wrap items-start justify-between gap-4">
            <div className="space-y-1 text-sm">
              {c.status === "PUBLISHED" ? (
                <p>
                  {t("publicUrl")}{" "}
                  <a href={`/f/${c.slug}`} target="_blank" rel="noopener" className="font-medium text-brand underline" data-testid="public-url">
                    {publicUrl}
                  </a>
                </p>
              ) : (
                <p className="text-muted">{c.status === "ARCHIVED" ? t("archivedText") : t("draftText")}</p>
              )}
              <p className="text-muted" data-testid="responses-count">
                {t("responsesCount", { count: data.responses.accepted })}
                {data.responses.rejected > 0 ? ` · ${t("rejectedCount", { count: data.responses.rejected })}` : ""}
              </p>
            </div>
            <ButtonLink variant="secondary" href={`/campagnes/${c.id}/apercu`}>
              {t("preview")}
            </ButtonLink>
          </div>
          <div className="mt-4 space-y-4">
            <PublishPanel
              campaignId={c.id}
              status={c.status}
              open={windowState(c) !== "CLOSED"}
              saved={{ problems: data.problems, warnings: data.warnings }}
              context={data.draftContext}
            />
          </div>
        </Card>

        <Card>
          <h2 className="mb-4 text-lg font-semibold">{t("sections.files")}</h2>
          <div className="grid gap-6 md:grid-cols-2">
            <FileUpload campaignId={c.id} kind="logo" accept="image/png,image/jpeg,image/webp" current={c.logoPath} previewSrc={logo} />
            {c.kind === "CONTEST" && <FileUpload campaignId={c.id} kind="rules" accept="application/pdf" current={c.rulesFilePath} />}
            {c.kind === "LEAD_MAGNET" && <FileUpload campaignId={c.id} kind="reward" accept="application/pdf,image/png,image/jpeg,application/zip" current={c.rewardFilePath} />}
          </div>
        </Card>

        <CampaignBuilder
          campaignId={c.id}
          kind={c.kind}
          initial={data.values}
          locked={data.responses.total > 0}
          purposeVersions={data.purposeVersions}
          preview={{ organisation: controller, logoSrc: logo ?? null, strings: { fr, en } }}
        />
        <p className="text-sm text-muted">
          <Link href="/campagnes" className="underline">
            {t("backToList")}
          </Link>
        </p>
      </div>
    </BuilderDraftProvider>
  );
}
