import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { requirePermission } from "@/lib/auth/session";
import { can } from "@/lib/auth/roles";
import { parseLedgerFilters } from "@/lib/consent/filters";
import { ledgerCampaigns, listLedger } from "@/lib/consent/queries";
import { buttonClass } from "@/components/ui/button";
import { EmptyState, PageHeader } from "@/components/ui/card";
import { Table, Td, Th } from "@/components/ui/table";
import { ConsentActionBadge } from "@/components/consent/consent-action-badge";
import { ComplianceTabs } from "@/components/compliance/compliance-tabs";
import { LedgerFilters } from "@/components/compliance/ledger-filters";
import { PurgeStatus } from "@/components/compliance/purge-status";
import { lastPurgeRunFor } from "@/lib/retention/scheduler";

export default async function LedgerPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const member = await requirePermission("compliance.view");
  const filters = parseLedgerFilters(await searchParams);
  const [t, tc, tl, format, ledger, campaigns, purge] = await Promise.all([
    getTranslations("compliance"),
    getTranslations("consent"),
    getTranslations("compliance.ledger"),
    getFormatter(),
    listLedger(member.organisationId, filters),
    ledgerCampaigns(member.organisationId),
    lastPurgeRunFor(member.organisationId),
  ]);
  const { page, ...rest } = filters;
  const query = (p: number) => {
    const params = new URLSearchParams(Object.entries(rest).filter(([, v]) => v) as [string, string][]);
    if (p > 1) params.set("page", String(p));
    return `?${params.toString()}`;
  };
  const pages = Math.max(1, Math.ceil(ledger.total / ledger.pageSize));
  const exportHref = `/conformite/consentements/export${query(1)}`;
  const filtered = Object.values(rest).some(Boolean);
  const canSeeContacts = can(member.role, "leads.view");
  return (
    <>
      <PageHeader
        title={t("title")}
        lead={tl("lead")}
        actions={
          <a href={exportHref} className={buttonClass("secondary")} download>
            {tl("export")}
          </a>
        }
      />
      <ComplianceTabs />
      <PurgeStatus run={purge} />
      <LedgerFilters filters={filters} campaigns={campaigns} />
      <p className="mb-2 text-sm text-muted" aria-live="polite">
        {tl("total", { count: ledger.total })}
      </p>
      {ledger.rows.length === 0 ? (
        <EmptyState title={tl("empty")} text={filtered ? "" : tl("emptyAll")} />
      ) : (
        <Table caption={t("tabs.ledger")}>
          <thead>
            <tr>
              <Th>{tl("when")}</Th>
              <Th>{tl("contact")}</Th>
              <Th>{tl("action")}</Th>
              <Th>{tl("purpose")}</Th>
              <Th>{tl("method")}</Th>
              <Th>{tc("source")}</Th>
            </tr>
          </thead>
          <tbody className="divide-y divide-line">
            {ledger.rows.map((row) => (
              <tr key={row.id} data-testid="ledger-row">
                <Td className="whitespace-nowrap">{format.dateTime(row.createdAt, { dateStyle: "short", timeStyle: "medium" })}</Td>
                <Td className="max-w-[14rem] break-words [overflow-wrap:anywhere]">
                  {row.contact.erasedAt ? (
                    <span className="text-muted">{tc("erasedContact")}</span>
                  ) : canSeeContacts ? (
                    <Link href={`/contacts/${row.contactId}`} className="underline">
                      {row.contact.email}
                    </Link>
                  ) : (
                    row.contact.email
                  )}
                </Td>
                <Td>
                  <ConsentActionBadge action={row.action} label={tc(`actions.${row.action}` as "actions.GRANT")} />
                </Td>
                <Td className="max-w-sm">
                  <p>{row.wording}</p>
                  <p className="text-xs text-muted" title={row.wordingHash}>
                    {tc("version", { version: row.purposeVersion.version })} · {row.wordingHash.slice(0, 12)}…
                  </p>
                </Td>
                <Td>{tc(`methods.${row.method}` as "methods.CHECKBOX")}</Td>
                <Td className="max-w-xs break-words text-xs">
                  {row.pageUrl}
                  {row.utmSource && <span className="block">utm_source={row.utmSource}</span>}
                </Td>
              </tr>
            ))}
          </tbody>
        </Table>
      )}
      {pages > 1 && (
        <nav className="mt-4 flex items-center gap-4 text-sm" aria-label={tl("page", { page, pages })}>
          {page > 1 && <Link href={query(page - 1)}>← {tl("previous")}</Link>}
          <span className="text-muted">{tl("page", { page, pages })}</span>
          {page < pages && <Link href={query(page + 1)}>{tl("next")} →</Link>}
        </nav>
      )}
    </>
  );
}
