import { getFormatter, getTranslations } from "next-intl/server";
import { requirePermission } from "@/lib/auth/session";
import { auditFilterOptions, auditNames, listAudit } from "@/lib/audit/queries";
import { auditFilterQuery, parseAuditFilters } from "@/lib/audit/filters";
import { auditSentence } from "@/lib/audit/sentence";
import { AuditFiltersForm } from "@/components/settings/audit-filters";
import { EmptyState, PageHeader } from "@/components/ui/card";
import { Table, Td, Th } from "@/components/ui/table";
import { Pager } from "@/components/ui/pager";
import { SettingsTabs } from "@/components/settings/settings-tabs";

export default async function AuditPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const member = await requirePermission("audit.view");
  const params = await searchParams;
  const filters = parseAuditFilters(params);
  const page = filters.page;
  const [t, format, log, options] = await Promise.all([getTranslations("audit"), getFormatter(), listAudit(member.organisationId, filters), auditFilterOptions(member.organisationId)]);
  const names = await auditNames(member.organisationId, log.rows);
  const query = auditFilterQuery(filters);
  const hasMore = (page + 1) * log.pageSize < log.total;
  return (
    <>
      <PageHeader title={t("title")} lead={t("lead")} />
      <SettingsTabs />
      <AuditFiltersForm filters={filters} options={options} />
      <p className="mb-4 text-sm">
        <a href={`/parametres/audit/export${query ? `?${query}` : ""}`} className="text-brand underline" download>
          {t("exportCsv")}
        </a>
      </p>
      {log.rows.length === 0 ? (
        <EmptyState title={t("title")} text={t("empty")} />
      ) : (
        <Table caption={t("title")}>
          <thead>
            <tr>
              <Th>{t("when")}</Th>
              <Th>{t("sentence")}</Th>
              <Th>{t("details")}</Th>
            </tr>
          </thead>
          <tbody className="divide-y divide-line">
            {log.rows.map((row) => (
              <tr key={row.id}>
                <Td className="whitespace-nowrap">{format.dateTime(row.createdAt, { dateStyle: "short", timeStyle: "medium" })}</Td>
                <Td data-testid="audit-sentence">{auditSentence(row, t, names)}</Td>
                <Td className="max-w-xs break-words text-xs text-muted">
                  <details>
                    <summary className="cursor-pointer">
                      <code>{row.action}</code>
                    </summary>
                    <span className="font-mono">{row.targetType && `${row.targetType} ${row.targetId}`} {row.details === "{}" ? "" : row.details}</span>
                  </details>
                </Td>
              </tr>
            ))}
          </tbody>
        </Table>
      )}
      <Pager path="/parametres/audit" searchParams={params} page={page} hasMore={hasMore} labels={{ previous: t("previous"), next: t("next") }} />
    </>
  );
}
