import { apiRoute } from "@/lib/api";
import { requireRole } from "@/lib/auth/session";
import { parseAuditFilters } from "@/lib/audit/filters";
import { auditCsvStream } from "@/lib/audit/csv";
import { requestLocale } from "@/lib/i18n/request-locale";
import { localParts } from "@/lib/time-zone";

export const dynamic = "force-dynamic";

/** The audit log as CSV with the page's filters (owners only, like the page), sentences in the reader's language. */
export const GET = apiRoute(async (request: Request) => {
  const member = await requireRole("audit.view");
  const { page: _page, ...filters } = parseAuditFilters(Object.fromEntries(new URL(request.url).searchParams));
  const timeZone = "Europe/Paris";
  const stream = auditCsvStream(member.organisationId, { ...filters, page: 0 }, await requestLocale(), timeZone);
  return new Response(stream, {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="journal-audit-${localParts(new Date(), timeZone).day}.csv"`,
      "Cache-Control": "private, no-store",
    },
  });
});
