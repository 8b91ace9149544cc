import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { NotFound } from "@/lib/errors";
import { requireUser } from "@/lib/auth/session";
import { can, type Permission } from "@/lib/auth/roles";
import { getCampaignForMember } from "@/lib/campaigns/queries";
import { phaseOf } from "@/lib/campaigns/time-window";
import { CampaignTabs } from "@/components/builder/campaign-tabs";
import { PhaseBadge } from "@/components/builder/phase-badge";

/** Title, status and the tabs of one campaign; each tab shown only to roles that may open it. */
export default async function CampaignLayout({ children, params }: { children: React.ReactNode; params: Promise<{ id: string }> }) {
  const { id } = await params;
  const member = await requireUser();
  const [campaign, t] = await Promise.all([
    // Missing or another organisation's: the same 404 for every page under this campaign.
    getCampaignForMember(member, id).catch((error) => (error instanceof NotFound ? notFound() : Promise.reject(error))),
    getTranslations("campaigns"),
  ]);
  const base = `/campagnes/${campaign.id}`;
  const tabs: Array<{ href: string; label: string; permission: Permission; exact?: boolean; show?: boolean }> = [
    { href: base, label: t("tabs.form"), permission: "campaign.edit", exact: true },
    { href: `${base}/partage`, label: t("tabs.share"), permission: "campaign.edit" },
    { href: `${base}/statistiques`, label: t("tabs.stats"), permission: "stats.view" },
    { href: `${base}/leads`, label: t("tabs.leads"), permission: "leads.view" },
    { href: `${base}/tirage`, label: t("tabs.draw"), permission: "draw.run", show: campaign.kind === "CONTEST" },
    { href: `${base}/export`, label: t("tabs.export"), permission: "leads.export" },
  ];
  const phase = phaseOf(campaign);
  return (
    <>
      <div className="no-print mb-4 flex flex-wrap items-center gap-3">
        <h1 className="text-2xl font-semibold" data-testid="campaign-title">
          {campaign.title}
        </h1>
        <PhaseBadge phase={phase} label={t(`phase.${phase}`)} />
        <span className="text-sm text-muted">{t(`kind.${campaign.kind}`)}</span>
      </div>
      <CampaignTabs
        label={t("tabs.label")}
        tabs={tabs.filter((tab) => tab.show !== false && can(member.role, tab.permission)).map(({ href, label, exact }) => ({ href, label, exact }))}
      />
      {children}
    </>
  );
}
