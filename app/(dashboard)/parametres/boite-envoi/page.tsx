import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { requirePermission } from "@/lib/auth/session";
import { env } from "@/lib/env";
import { listOutbox } from "@/lib/mail/queries";
import { Alert, EmptyState, PageHeader } from "@/components/ui/card";
import { Table, Td, Th } from "@/components/ui/table";
import { Pager } from "@/components/ui/pager";
import { SettingsTabs } from "@/components/settings/settings-tabs";

export const dynamic = "force-dynamic";

/** The outbox: every mail the app wrote, readable by owners (essential without SMTP). */
export default async function OutboxPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const member = await requirePermission("outbox.view");
  const params = await searchParams;
  const page = Math.max(0, Number(params.page) || 0);
  const [t, format, outbox] = await Promise.all([getTranslations("compliance.outbox"), getFormatter(), listOutbox(member.organisationId, page)]);
  const hasMore = (page + 1) * outbox.pageSize < outbox.total;
  return (
    <>
      <PageHeader title={t("title")} lead={t("lead")} />
      <SettingsTabs />
      <div className="mb-4">
        <Alert tone="info">{env().SMTP_URL ? t("smtpOn") : t("smtpOff")}</Alert>
      </div>
      {outbox.rows.length === 0 ? (
        <EmptyState title={t("title")} text={t("empty")} />
      ) : (
        <Table caption={t("title")}>
          <thead>
            <tr>
              <Th>{t("date")}</Th>
              <Th>{t("to")}</Th>
              <Th>{t("subject")}</Th>
              <Th>{t("status")}</Th>
            </tr>
          </thead>
          <tbody className="divide-y divide-line">
            {outbox.rows.map((m) => (
              <tr key={m.id} data-testid="outbox-row">
                <Td className="whitespace-nowrap">{format.dateTime(m.createdAt, { dateStyle: "short", timeStyle: "short" })}</Td>
                <Td className="break-all">{m.toAddress}</Td>
                <Td>
                  <Link href={`/parametres/boite-envoi/${m.id}`} className="underline">
                    {m.subject}
                  </Link>
                </Td>
                <Td className={m.status === "FAILED" ? "text-red-700" : undefined}>{t(`statuses.${m.status}` as "statuses.SENT")}</Td>
              </tr>
            ))}
          </tbody>
        </Table>
      )}
      <Pager path="/parametres/boite-envoi" searchParams={params} page={page} hasMore={hasMore} />
    </>
  );
}
