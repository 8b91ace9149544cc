import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { requirePermission } from "@/lib/auth/session";
import { can } from "@/lib/auth/roles";
import { daysLeft } from "@/lib/rights/due-date";
import { listRequests } from "@/lib/rights/requests";
import { EmptyState, PageHeader } from "@/components/ui/card";
import { Table, Td, Th } from "@/components/ui/table";
import { ComplianceTabs } from "@/components/compliance/compliance-tabs";
import { PendingButton } from "@/components/consent/pending-button";
import { completeRequestFormAction } from "@/lib/rights/request-actions";

/** Data-subject requests with their one-month deadline. */
export default async function RequestsPage() {
  const member = await requirePermission("compliance.view");
  const [t, tq, format, requests] = await Promise.all([getTranslations("compliance"), getTranslations("compliance.requests"), getFormatter(), listRequests(member.organisationId)]);
  const now = new Date();
  const canManage = can(member.role, "rights.manage");
  const date = (d: Date) => format.dateTime(d, { dateStyle: "medium" });
  return (
    <>
      <PageHeader title={t("tabs.requests")} lead={tq("lead")} />
      <ComplianceTabs />
      {requests.length === 0 ? (
        <EmptyState title={t("tabs.requests")} text={tq("empty")} />
      ) : (
        <Table caption={t("tabs.requests")}>
          <thead>
            <tr>
              <Th>{tq("requestedAt")}</Th>
              <Th>{tq("kind")}</Th>
              <Th>{tq("contact")}</Th>
              <Th>{tq("channel")}</Th>
              <Th>{tq("dueAt")}</Th>
              <Th>{tq("status")}</Th>
            </tr>
          </thead>
          <tbody className="divide-y divide-line">
            {requests.map((r) => {
              const left = daysLeft(r.dueAt, now);
              return (
                <tr key={r.id} data-testid="request-row">
                  <Td className="whitespace-nowrap">{date(r.requestedAt)}</Td>
                  <Td>{tq(`kinds.${r.kind}` as "kinds.ACCESS")}</Td>
                  <Td className="break-all">
                    {!r.contact || r.contact.erasedAt ? (
                      <span className="text-muted">{tq("erased")}</span>
                    ) : (
                      <Link className="underline" href={`/contacts/${r.contact.id}`}>
                        {r.contact.email}
                      </Link>
                    )}
                  </Td>
                  <Td>{tq(`channels.${r.channel}` as "channels.ADMIN")}</Td>
                  <Td className="whitespace-nowrap">
                    {date(r.dueAt)}
                    {r.status === "OPEN" && <span className={left < 0 ? "block text-xs font-medium text-red-700" : "block text-xs text-muted"}>{left < 0 ? tq("late", { days: -left }) : tq("daysLeft", { days: left })}</span>}
                  </Td>
                  <Td>
                    {r.status === "DONE" ? (
                      <span className="text-green-800">{r.completedAt ? tq("doneOn", { date: date(r.completedAt) }) : tq("statuses.DONE")}</span>
                    ) : (
                      <div className="space-y-1">
                        <span className="font-medium text-amber-800">{tq("statuses.OPEN")}</span>
                        {canManage && (
                          <form action={completeRequestFormAction.bind(null, r.id)}>
                            <PendingButton pendingLabel="…" variant="secondary" className="min-h-8 px-2 py-1 text-xs">
                              {tq("complete")}
                            </PendingButton>
                          </form>
                        )}
                      </div>
                    )}
                  </Td>
                </tr>
              );
            })}
          </tbody>
        </Table>
      )}
    </>
  );
}
