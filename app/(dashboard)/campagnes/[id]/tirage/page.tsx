import { getFormatter, getTranslations } from "next-intl/server";
import { requirePermission } from "@/lib/auth/session";
import { getCampaignForMember } from "@/lib/campaigns/queries";
import { windowState } from "@/lib/campaigns/time-window";
import { db } from "@/lib/db";
import { INELIGIBILITY_REASONS } from "@/lib/draw/eligibility";
import { activeDraw, eligibilityNow, listDraws, listExclusions } from "@/lib/draw/queries";
import { Alert, Card } from "@/components/ui/card";
import { ButtonLink } from "@/components/ui/button";
import { CloseCampaignButton } from "@/components/draw/close-campaign-button";
import { RunDrawButton } from "@/components/draw/run-draw-button";
import { RedrawForm } from "@/components/draw/redraw-form";
import { DrawHistory } from "@/components/draw/draw-history";

export default async function DrawPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const member = await requirePermission("draw.run");
  const campaign = await getCampaignForMember(member, id);
  const [t, format] = await Promise.all([getTranslations("draw"), getFormatter()]);
  if (campaign.kind !== "CONTEST") return <Alert>{t("notContest")}</Alert>;

  const closed = windowState(campaign) === "CLOSED";
  const [current, draws, exclusions, report] = await Promise.all([
    activeDraw(db, campaign.id),
    listDraws(member, campaign.id),
    listExclusions(member, campaign.id),
    eligibilityNow(db, campaign),
  ]);

  return (
    <div className="space-y-6">
      <div>
        <h2 className="text-xl font-semibold">{t("title")}</h2>
        <p className="mt-1 max-w-3xl text-muted">{t("lead")}</p>
      </div>

      <Card>
        <h3 className="font-semibold">{t("rulesTitle")}</h3>
        <p className="mt-2 text-sm">{t("rules", { confirmation: campaign.requireConfirmation ? "yes" : "no" })}</p>
        <p className="mt-2 text-sm">
          {campaign.prize && <>{t("prize", { prize: campaign.prize })} · </>}
          {t("counts", { winners: campaign.winnersCount, alternates: campaign.alternatesCount })}
        </p>
        <p className="mt-3 text-sm font-medium" data-testid="eligible-count">
          {t("eligible", { count: report.eligibleIds.length })}
        </p>
        <ul className="mt-1 flex flex-wrap gap-x-4 text-sm text-muted">
          {INELIGIBILITY_REASONS.filter((r) => report.ineligible[r] > 0).map((r) => (
            <li key={r}>
              {t("ineligibleCount", { reason: t(`ineligible.${r}`), count: report.ineligible[r] })}
            </li>
          ))}
        </ul>
      </Card>

      {campaign.status === "DRAFT" && <Alert tone="warning">{t("draft")}</Alert>}

      {campaign.status !== "DRAFT" && !closed && (
        <Card>
          <h3 className="font-semibold">{t("openTitle")}</h3>
          <p className="mt-2 text-sm">{t("openText", { date: format.dateTime(campaign.closesAt, { dateStyle: "full", timeStyle: "short", timeZone: campaign.timeZone }) })}</p>
          <div className="mt-4">
            <CloseCampaignButton campaignId={campaign.id} />
          </div>
        </Card>
      )}

      {closed && !current && (
        <Card>
          <RunDrawButton campaignId={campaign.id} disabled={report.eligibleIds.length === 0} />
          {report.eligibleIds.length === 0 && <p className="mt-2 text-sm text-muted">{t("errors.nobodyEligible")}</p>}
        </Card>
      )}

      {current && (
        <Card>
          <h3 className="font-semibold">{t("resultsTitle", { sequence: current.sequence })}</h3>
          <p className="mt-1 text-sm text-muted">
            {t("drawnBy", { date: format.dateTime(current.createdAt, { dateStyle: "long", timeStyle: "short" }), who: draws.find((d) => d.id === current.id)?.createdBy ?? "—" })}
          </p>
          <div className="mt-4">
            <ButtonLink href={`/campagnes/${campaign.id}/tirage/gagnants`}>{t("seeWinners")}</ButtonLink>
          </div>
        </Card>
      )}

      {closed && current && (
        <Card>
          <h3 className="font-semibold">{t("redrawTitle")}</h3>
          <p className="mt-1 mb-3 text-sm text-muted">{t("redrawText")}</p>
          <RedrawForm campaignId={campaign.id} />
        </Card>
      )}

      <section className="space-y-2">
        <h3 className="font-semibold">{t("exclusionsTitle")}</h3>
        <p className="text-sm text-muted">{t("excludeText")}</p>
        {exclusions.length === 0 ? (
          <p className="text-sm text-muted">{t("exclusionsEmpty")}</p>
        ) : (
          <ul className="space-y-1 text-sm" data-testid="exclusions">
            {exclusions.map((x) => (
              <li key={x.id}>
                <strong>{x.contact?.email ?? "—"}</strong> —{" "}
                {t("excludedBy", { date: format.dateTime(x.excludedAt!, { dateStyle: "short", timeStyle: "short" }), who: x.excludedBy, reason: x.excludedReason ?? "" })}
              </li>
            ))}
          </ul>
        )}
      </section>

      {draws.length > 0 && (
        <section className="space-y-2">
          <h3 className="font-semibold">{t("historyTitle")}</h3>
          <DrawHistory draws={draws} />
        </section>
      )}
    </div>
  );
}
