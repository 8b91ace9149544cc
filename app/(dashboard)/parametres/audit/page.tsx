import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { requirePermission } from "@/lib/auth/session";
import { listAuditLog } from "@/lib/orgs/queries";
import { EmptyState, PageHeader } from "@/components/ui/card";
import { Table, Td, Th } from "@/components/ui/table";
import { SettingsTabs } from "@/components/settings/settings-tabs";
import { isAuditActor } from "@/lib/audit/actors";

export default async function AuditPage({ searchParams }: { searchParams: Promise<{ page?: string }> }) {
  const member = await requirePermission("audit.view");
  const page = Math.max(0, Number((await searchParams).page) || 0);
  const [t, format, log] = await Promise.all([getTranslations("audit"), getFormatter(), listAuditLog(member.organisationId, page)]);
  const hasMore = (page + 1) * log.pageSize < log.total;
  return (
    <>
      <PageHeader title={t("title")} lead={t("lead")} />
      <SettingsTabs />
      {log.rows.length === 0 ? (
        <EmptyState title={t("title")} text={t("empty")} />
      ) : (
        <Table caption={t("title")}>
          <thead>
            <tr>
              <Th>{t("when")}</Th>
              <Th>{t("who")}</Th>
              <Th>{t("action")}</Th>
              <Th>{t("target")}</Th>
              <Th>{t("details")}</Th>
            </tr>
          </thead>
          <tbody className="divide-y divide-line">
            {log.rows.map((row) => (
              <tr key={row.id}>
                <Td className="whitespace-nowrap">{format.dateTime(row.createdAt, { dateStyle: "short", timeStyle: "medium" })}</Td>
                <Td>{isAuditActor(row.actorLabel) ? t(`actors.${row.actorLabel}`) : row.actorLabel || "—"}</Td>
                <Td>
                  <code>{row.action}</code>
                </Td>
                <Td>{row.targetType && `${row.targetType} ${row.targetId}`}</Td>
                <Td className="max-w-xs break-words font-mono text-xs">{row.details === "{}" ? "" : row.details}</Td>
              </tr>
            ))}
          </tbody>
        </Table>
      )}
      <div className="mt-4 flex gap-4 text-sm">
        {page > 0 && <Link href={`?page=${page - 1}`}>← {t("previous")}</Link>}
        {hasMore && <Link href={`?page=${page + 1}`}>{t("next")} →</Link>}
      </div>
    </>
  );
}
