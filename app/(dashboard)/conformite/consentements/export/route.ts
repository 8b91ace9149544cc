import { apiRoute } from "@/lib/api";
import { recordAudit } from "@/lib/audit";
import { requireRole } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { parseLedgerFilters } from "@/lib/consent/filters";
import { ledgerCsvStream } from "@/lib/consent/ledger-csv";
import { requestLocale } from "@/lib/i18n/request-locale";
import { translate } from "@/lib/i18n/translate";

/** The consent ledger as CSV, with the page's filters, for an audit (logged). */
export const GET = apiRoute(async (request: Request) => {
  const member = await requireRole("compliance.view");
  const { page: _page, ...filters } = parseLedgerFilters(Object.fromEntries(new URL(request.url).searchParams));
  const locale = await requestLocale();
  const stream = ledgerCsvStream(member.organisationId, filters, locale, (rows) =>
    recordAudit(db, { organisationId: member.organisationId, userId: member.userId, actorLabel: member.email, action: "consent.ledger_export", targetType: "organisation", targetId: member.organisationId, details: { filters, rows } }),
  );
  const fileName = translate(locale, "compliance.ledger.csv.fileName", { day: new Date().toISOString().slice(0, 10) });
  return new Response(stream, {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="${fileName}"`,
      "Cache-Control": "private, no-store",
    },
  });
});
