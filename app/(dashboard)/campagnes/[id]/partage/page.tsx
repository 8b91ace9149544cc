import { getTranslations } from "next-intl/server";
import { requirePermission } from "@/lib/auth/session";
import { getCampaignForMember } from "@/lib/campaigns/queries";
import { appUrl } from "@/lib/env";
import { qrTargetUrl } from "@/lib/qr/options";
import { embedSnippet } from "@/lib/campaigns/embed";
import { ButtonLink } from "@/components/ui/button";
import { Card, EmptyState } from "@/components/ui/card";
import { QrDesigner } from "@/components/builder/qr-designer";
import { CopySnippet } from "@/components/builder/copy-snippet";

/** QR code, printable poster and iframe embed of a published campaign. */
export default async function SharePage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const member = await requirePermission("campaign.edit");
  const [c, t] = await Promise.all([getCampaignForMember(member, id), getTranslations("builder.share")]);
  if (c.status !== "PUBLISHED") return <EmptyState title={t("title")} text={t("notPublished")} />;
  const base = appUrl();
  const publicUrl = `${base}/f/${c.slug}`;
  const embed = embedSnippet({ appUrl: base, slug: c.slug, title: c.title });
  return (
    <div className="space-y-6">
      <Card>
        <CopySnippet id="public-link" label={t("link")} value={publicUrl} />
      </Card>
      <Card>
        <h2 className="text-lg font-semibold">{t("qrTitle")}</h2>
        <p className="mb-2 text-sm text-muted">{t("qrLead")}</p>
        <p className="mb-4 break-all text-sm">
          {t("qrTarget")} <code data-testid="qr-target">{qrTargetUrl(base, c.slug)}</code>
        </p>
        <QrDesigner slug={c.slug} />
      </Card>
      <Card>
        <h2 className="text-lg font-semibold">{t("posterTitle")}</h2>
        <p className="mb-4 text-sm text-muted">{t("posterLead")}</p>
        <ButtonLink variant="secondary" href={`/campagnes/${c.id}/partage/affiche`}>
          {t("openPoster")}
        </ButtonLink>
      </Card>
      <Card>
        <h2 className="text-lg font-semibold">{t("embedTitle")}</h2>
        <p className="mb-4 text-sm text-muted">{t("embedLead")}</p>
        <CopySnippet id="embed-code" label={t("embedTitle")} value={embed} />
      </Card>
    </div>
  );
}
