import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { requirePermission } from "@/lib/auth/session";
import { getCampaignForMember } from "@/lib/campaigns/queries";
import { db } from "@/lib/db";
import { activeDraw, drawResults, listDraws } from "@/lib/draw/queries";
import { winnersNotified } from "@/lib/draw/notify";
import { Alert, Card, EmptyState } from "@/components/ui/card";
import { DrawResultsTable } from "@/components/draw/draw-results-table";
import { DrawProof } from "@/components/draw/draw-proof";
import { VerifyDrawButton } from "@/components/draw/verify-draw-button";
import { NotifyWinnersButton } from "@/components/draw/notify-winners-button";

export default async function WinnersPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const member = await requirePermission("draw.run");
  const campaign = await getCampaignForMember(member, id);
  const [t, format] = await Promise.all([getTranslations("draw"), getFormatter()]);
  const current = await activeDraw(db, campaign.id);
  if (!current) return <EmptyState title={t("winnersTitle")} text={t("noDraw")} action={<Link href={`/campagnes/${campaign.id}/tirage`} className="text-brand underline">{t("title")}</Link>} />;
  const [entries, draws, notified] = await Promise.all([drawResults(member, campaign.id, current.id), listDraws(member, campaign.id), winnersNotified(member.organisationId, current.id)]);
  const winners = entries.filter((e) => e.role === "WINNER");
  const alternates = entries.filter((e) => e.role === "ALTERNATE");

  return (
    <div className="space-y-6">
      <div>
        <h2 className="text-xl font-semibold">{t("winnersTitle")}</h2>
        <p className="mt-1 text-sm text-muted">
          {t("resultsTitle", { sequence: current.sequence })} ·{" "}
          {t("drawnBy", { date: format.dateTime(current.createdAt, { dateStyle: "long", timeStyle: "short" }), who: draws.find((d) => d.id === current.id)?.createdBy ?? "—" })}
        </p>
      </div>
      <section className="space-y-2">
        <h3 className="font-semibold">{t("winners")}</h3>
        <DrawResultsTable campaignId={campaign.id} title={t("winners")} entries={winners} testId="winners" />
      </section>
      {alternates.length > 0 && (
        <section className="space-y-2">
          <h3 className="font-semibold">{t("alternates")}</h3>
          <DrawResultsTable campaignId={campaign.id} title={t("alternates")} entries={alternates} testId="alternates" />
        </section>
      )}
      <Card>
        <h3 className="font-semibold">{t("proofTitle")}</h3>
        <div className="mt-3">
          <DrawProof draw={current} />
        </div>
        <div className="mt-4">
          <VerifyDrawButton campaignId={campaign.id} drawId={current.id} />
        </div>
      </Card>
      <Card>
        <h3 className="font-semibold">{t("notifyTitle")}</h3>
        <p className="mt-1 mb-3 text-sm text-muted">{t("notifyText")}</p>
        {notified ? <Alert tone="info">{t("alreadyNotified")}</Alert> : <NotifyWinnersButton campaignId={campaign.id} drawId={current.id} />}
      </Card>
      <p>
        <Link href={`/campagnes/${campaign.id}/tirage`} className="text-brand underline">
          ← {t("title")}
        </Link>
      </p>
    </div>
  );
}
