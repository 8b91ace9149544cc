import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { requirePermission } from "@/lib/auth/session";
import { can } from "@/lib/auth/roles";
import { contactLedger } from "@/lib/consent/queries";
import { getLead } from "@/lib/leads/queries";
import { answerWords } from "@/lib/export/queries";
import { requestLocale } from "@/lib/i18n/request-locale";
import { formatCalendarDay } from "@/lib/i18n/format";
import { Card } from "@/components/ui/card";
import { ConsentHistory } from "@/components/consent/consent-history";
import { DrawStatusBadge } from "@/components/leads/draw-status-badge";
import { segmentNamer } from "@/components/analytics/segment-name";
import { ExcludeForm, ReinstateForm } from "@/components/draw/exclude-form";

/** One lead: who, answers, RFM qualification, draw status and the consent history from the ledger. */
export default async function LeadPage({ params }: { params: Promise<{ id: string; responseId: string }> }) {
  const { id, responseId } = await params;
  const member = await requirePermission("leads.view");
  const locale = await requestLocale();
  const lead = await getLead(member.organisationId, id, responseId, answerWords(locale));
  const [t, td, format, segmentName] = await Promise.all([getTranslations("leads"), getTranslations("draw"), getFormatter(), segmentNamer()]);
  const { response, contact } = lead;
  const ledger = contact ? await contactLedger(member.organisationId, contact.id, id) : [];
  // This entry's own confirmation: the address confirmed through another entry proves nothing about this one.
  const confirmedAt = response.confirmedAt;
  const pick = response.picks.find((p) => p.draw.id === lead.activeDraw?.id);
  const canDraw = can(member.role, "draw.run") && response.campaign.kind === "CONTEST";
  const dateTime = (d: Date) => format.dateTime(d, { dateStyle: "long", timeStyle: "short" });

  return (
    <div className="space-y-6">
      <p>
        <Link href={`/campagnes/${id}/leads`} className="text-sm text-brand underline">
          ← {t("detail.back")}
        </Link>
      </p>
      <div className="grid gap-6 lg:grid-cols-2">
        <Card>
          <h2 className="text-lg font-semibold" data-testid="lead-email">
            {contact?.email ?? "—"}
          </h2>
          <dl className="mt-3 grid grid-cols-[10rem_1fr] gap-y-1 text-sm">
            <dt className="text-muted">{t("detail.firstName")}</dt>
            <dd>{contact?.firstName || "—"}</dd>
            <dt className="text-muted">{t("detail.lastName")}</dt>
            <dd>{contact?.lastName || "—"}</dd>
            <dt className="text-muted">{t("detail.phone")}</dt>
            <dd>{contact?.phone || "—"}</dd>
            <dt className="text-muted">{t("detail.postalCode")}</dt>
            <dd>{contact?.postalCode || "—"}</dd>
            <dt className="text-muted">{t("detail.submittedAt")}</dt>
            <dd>{dateTime(response.submittedAt)}</dd>
            <dt className="text-muted">{t("confirmed")}</dt>
            <dd>{confirmedAt ? t("detail.confirmedAt") + " " + dateTime(confirmedAt) : t("detail.notConfirmed")}</dd>
            <dt className="text-muted">{t("detail.source")}</dt>
            <dd>{[response.utmSource || t("direct"), response.utmMedium, response.utmCampaign].filter(Boolean).join(" · ")}</dd>
          </dl>
          {contact && (
            <p className="mt-3 text-sm">
              <Link href={`/contacts/${contact.id}`} className="text-brand underline">
                {t("detail.contactPage")}
              </Link>
            </p>
          )}
        </Card>
        <Card>
          <h2 className="text-lg font-semibold">{t("detail.scores")}</h2>
          <dl className="mt-3 grid grid-cols-[10rem_1fr] gap-y-1 text-sm">
            <dt className="text-muted">{t("recency")}</dt>
            <dd>{response.rScore ?? "—"}</dd>
            <dt className="text-muted">{t("frequency")}</dt>
            <dd>{response.fScore ?? "—"}</dd>
            <dt className="text-muted">{t("monetary")}</dt>
            <dd>{response.mScore ?? "—"}</dd>
            <dt className="text-muted">{t("detail.segment")}</dt>
            <dd className="font-medium">{response.segment ? segmentName(response.segment) : t("detail.noSegment")}</dd>
          </dl>
          {response.campaign.kind === "CONTEST" && (
            <div className="mt-4 space-y-2 border-t border-line pt-4 text-sm" data-testid="lead-draw">
              <h3 className="font-semibold">{t("detail.draw")}</h3>
              {!lead.activeDraw ? (
                <p className="text-muted">{t("detail.drawNone")}</p>
              ) : pick ? (
                <p>
                  <DrawStatusBadge status={lead.drawStatus} label={t(`status.${pick.role as "WINNER"}`)} />{" "}
                  {t("detail.drawRank", { role: t(`status.${pick.role as "WINNER"}`), rank: pick.rank, sequence: lead.activeDraw.sequence })}
                </p>
              ) : lead.drawStatus === "LOSER" ? (
                <p>{t("detail.drawLoser", { sequence: lead.activeDraw.sequence })}</p>
              ) : (
                <p className="text-muted">{t("detail.drawNotEligible")}</p>
              )}
              {response.excludedAt ? (
                <>
                  <p className="text-red-800">{t("detail.excludedOn", { date: dateTime(response.excludedAt), reason: response.excludedReason ?? "" })}</p>
                  {canDraw && (
                    <details>
                      <summary className="cursor-pointer text-brand">{t("detail.reinstate")}</summary>
                      <div className="mt-2">
                        <ReinstateForm campaignId={id} responseId={response.id} />
                      </div>
                    </details>
                  )}
                </>
              ) : (
                canDraw && (
                  <details>
                    <summary className="cursor-pointer text-brand">{t("detail.exclude")}</summary>
                    <p className="my-2 text-muted">{td("excludeText")}</p>
                    <ExcludeForm campaignId={id} responseId={response.id} />
                  </details>
                )
              )}
            </div>
          )}
        </Card>
      </div>
      <Card>
        <h2 className="text-lg font-semibold">{t("detail.answers")}</h2>
        <dl className="mt-3 space-y-3 text-sm" data-testid="lead-answers">
          {lead.answers.map((a) => (
            <div key={a.id}>
              <dt className="font-medium">{a.label}</dt>
              <dd className="whitespace-pre-wrap text-ink">{((a.type === "DATE" || a.type === "BIRTH_DATE") && a.text ? formatCalendarDay(a.text, locale) : a.text) || <span className="text-muted">{t("detail.noAnswer")}</span>}</dd>
            </div>
          ))}
        </dl>
      </Card>
      <section className="space-y-2">
        <h2 className="text-lg font-semibold">{t("detail.consents")}</h2>
        {contact ? <ConsentHistory rows={ledger} /> : <p className="text-sm text-muted">—</p>}
      </section>
    </div>
  );
}
