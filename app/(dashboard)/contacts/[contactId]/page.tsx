import Link from "next/link";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { formatCalendarDay } from "@/lib/i18n/format";
import { requirePermission } from "@/lib/auth/session";
import { can } from "@/lib/auth/roles";
import { contactCurrentConsents, contactLedger } from "@/lib/consent/queries";
import { daysLeft } from "@/lib/rights/due-date";
import { contactRequests } from "@/lib/rights/requests";
import { contactResponses, getContact } from "@/lib/rights/queries";
import { buttonClass } from "@/components/ui/button";
import { Alert, Card, PageHeader } from "@/components/ui/card";
import { ConsentActionBadge } from "@/components/consent/consent-action-badge";
import { ConsentHistory } from "@/components/consent/consent-history";
import { DataList, TitledSection } from "@/components/consent/titled-section";
import { EraseContact } from "@/components/compliance/erase-contact";
import { LogRequestForm } from "@/components/compliance/log-request-form";
import { RectifyForm } from "@/components/compliance/rectify-form";
import { WithdrawAll } from "@/components/compliance/withdraw-all";

/** A contact's page: data, entries, consents and full history, requests, and the owners' rights actions. */
export default async function ContactPage({ params }: { params: Promise<{ contactId: string }> }) {
  const member = await requirePermission("leads.view");
  const { contactId } = await params;
  const contact = await getContact(member.organisationId, contactId);
  const [t, tc, tq, format, locale, consents, ledger, responses, requests] = await Promise.all([
    getTranslations("compliance.contact"),
    getTranslations("consent"),
    getTranslations("compliance.requests"),
    getFormatter(),
    getLocale(),
    contactCurrentConsents(member.organisationId, contactId),
    contactLedger(member.organisationId, contactId),
    contactResponses(member.organisationId, contactId),
    contactRequests(member.organisationId, contactId),
  ]);
  const date = (d: Date) => format.dateTime(d, { dateStyle: "medium" });
  const canManage = can(member.role, "rights.manage");
  const erased = contact.erasedAt !== null;
  const title = erased ? t("erasedTitle") : [contact.firstName, contact.lastName].filter(Boolean).join(" ") || contact.email;
  const fields = [
    ["email", contact.email],
    ["firstName", contact.firstName],
    ["lastName", contact.lastName],
    ["phone", contact.phone],
    ["postalCode", contact.postalCode],
    ["birthDate", contact.birthDate ? formatCalendarDay(contact.birthDate, locale) : ""],
    ["createdAt", date(contact.createdAt)],
  ] as const;

  return (
    <>
      <p className="mb-2 text-sm">
        <Link href="/contacts" className="underline">
          ← {t("back")}
        </Link>
      </p>
      <PageHeader title={title} lead={erased ? undefined : contact.emailConfirmedAt ? t("confirmed", { date: date(contact.emailConfirmedAt) }) : t("unconfirmed")} />
      {erased && (
        <div className="mb-6">
          <Alert tone="info">{t("erasedText", { date: date(contact.erasedAt!) })}</Alert>
        </div>
      )}
      <div className="grid gap-6 lg:grid-cols-2">
        {!erased && (
          <Card>
            <h2 className="text-lg font-semibold">{t("data")}</h2>
            <DataList items={fields.map(([key, value]) => [t(`fields.${key}`), value] as const)} labelWidth="9rem" />
            <p className="mt-3 text-xs text-muted">{t("lastInteraction", { date: date(contact.lastInteractionAt) })}</p>
          </Card>
        )}
        <Card>
          <h2 className="text-lg font-semibold">{t("consents")}</h2>
          {consents.length === 0 ? (
            <p className="mt-2 text-sm text-muted">{t("noConsents")}</p>
          ) : (
            <ul className="mt-3 space-y-2 text-sm">
              {consents.map((c) => (
                <li key={c.purposeId} data-testid="current-consent">
                  <ConsentActionBadge action={c.consenting ? (c.confirmed ? "CONFIRM" : "GRANT") : "WITHDRAW"} label={tc(c.consenting ? (c.confirmed ? "current.confirmed" : "current.consenting") : "current.withdrawn")} />{" "}
                  {c.wording} <span className="text-xs text-muted">({c.campaign.title})</span>
                </li>
              ))}
            </ul>
          )}
        </Card>
        <Card>
          <h2 className="text-lg font-semibold">{t("entries")}</h2>
          {responses.length === 0 ? (
            <p className="mt-2 text-sm text-muted">{t("noEntries")}</p>
          ) : (
            <ul className="mt-3 space-y-1 text-sm">
              {responses.map((r) => (
                <li key={r.id}>
                  <Link href={`/campagnes/${r.campaign.id}`} className="underline">
                    {r.campaign.title}
                  </Link>{" "}
                  — {t("submitted", { date: date(r.submittedAt) })}, {r.status === "REJECTED" ? t("rejected") : r.confirmedAt ? t("entryConfirmed") : t("entryUnconfirmed")}
                </li>
              ))}
            </ul>
          )}
        </Card>
        <Card>
          <h2 className="text-lg font-semibold">{t("requests")}</h2>
          {requests.length === 0 ? (
            <p className="mt-2 text-sm text-muted">{t("noRequests")}</p>
          ) : (
            <ul className="mt-3 space-y-1 text-sm">
              {requests.map((r) => (
                <li key={r.id}>
                  {tq(`kinds.${r.kind}` as "kinds.ACCESS")} — {date(r.requestedAt)} ({tq(`channels.${r.channel}` as "channels.ADMIN")}) :{" "}
                  {r.status === "DONE" ? tq("doneOn", { date: date(r.completedAt ?? r.requestedAt) }) : `${tq("statuses.OPEN")}, ${tq("daysLeft", { days: Math.max(0, daysLeft(r.dueAt, new Date())) })}`}
                </li>
              ))}
            </ul>
          )}
        </Card>
      </div>

      {!erased && (
        <section aria-labelledby="rights" className="mt-8">
          <h2 id="rights" className="text-xl font-semibold">
            {t("rights")}
          </h2>
          <p className="mt-1 text-sm text-muted">{canManage ? t("rightsLead") : t("ownersOnly")}</p>
          {canManage && (
            <div className="mt-4 grid gap-6 lg:grid-cols-2">
              <Card>
                <h3 className="font-semibold">{t("access")}</h3>
                <p className="mt-1 text-sm text-muted">{t("accessText")}</p>
                <div className="mt-3 flex flex-wrap gap-2">
                  <a className={buttonClass("secondary")} href={`/contacts/${contact.id}/export?kind=ACCESS`} download>
                    {t("accessButton")}
                  </a>
                  <a className={buttonClass("secondary")} href={`/contacts/${contact.id}/export?kind=PORTABILITY`} download>
                    {t("portabilityButton")}
                  </a>
                </div>
              </Card>
              <Card>
                <h3 className="font-semibold">{t("withdrawAll")}</h3>
                <p className="mb-3 mt-1 text-sm text-muted">{t("withdrawAllText")}</p>
                <WithdrawAll contactId={contact.id} confirmText={`${t("withdrawAll")} ?`} />
              </Card>
              <Card>
                <h3 className="font-semibold">{t("rectify")}</h3>
                <p className="mb-3 mt-1 text-sm text-muted">{t("rectifyText")}</p>
                <RectifyForm initial={{ contactId: contact.id, firstName: contact.firstName, lastName: contact.lastName, phone: contact.phone, postalCode: contact.postalCode }} />
              </Card>
              <Card>
                <h3 className="font-semibold">{t("log")}</h3>
                <p className="mb-3 mt-1 text-sm text-muted">{t("logText")}</p>
                <LogRequestForm contactId={contact.id} />
              </Card>
              <Card>
                <h3 className="font-semibold">{t("erase")}</h3>
                <p className="mb-3 mt-1 text-sm text-muted">{t("eraseText")}</p>
                <EraseContact contactId={contact.id} />
              </Card>
            </div>
          )}
        </section>
      )}

      <TitledSection id="historique" title={t("history")} className="mt-8 space-y-3">
        <ConsentHistory rows={ledger} />
      </TitledSection>
    </>
  );
}
