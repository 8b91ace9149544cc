import { apiRoute } from "@/lib/api";
import { requireRole } from "@/lib/auth/session";
import { Forbidden, Invalid } from "@/lib/errors";
import { fieldErrorsOf } from "@/lib/validation/field-errors";
import { exportRequestSchema } from "@/lib/export/presets";
import { exportStream, planExport } from "@/lib/export/queries";
import { requestLocale } from "@/lib/i18n/request-locale";
import { CONTENT_TYPES } from "@/lib/export/formats";

export const dynamic = "force-dynamic";

/**
 * GET /api/campaigns/:id/export?preset=…&purposeId=…&segment=…&separator=…&format=csv|xlsx&target=spreadsheet|crm
 * The CSV or XLSX file, streamed from the database (editors and owners only).
 */
export const GET = apiRoute(async (request: Request, { params }: { params: Promise<{ id: string }> }) => {
  const member = await requireRole("leads.export");
  // Another site may link here but must not make a signed-in marketer download (and log) an export unknowingly.
  if (request.headers.get("sec-fetch-site") === "cross-site") throw new Forbidden("errors.origin.foreign");
  const { id } = await params;
  const query = Object.fromEntries(new URL(request.url).searchParams);
  const parsed = exportRequestSchema.safeParse({ ...query, purposeId: query.purposeId || undefined, segment: query.segment || undefined, separator: query.separator || undefined, format: query.format || undefined, target: query.target || undefined });
  if (!parsed.success) throw new Invalid("errors.exportParameters", fieldErrorsOf(parsed.error));
  const plan = await planExport(member.organisationId, id, parsed.data, await requestLocale());
  return new Response(exportStream(member, plan), {
    headers: {
      "Content-Type": CONTENT_TYPES[plan.format],
      "Content-Disposition": `attachment; filename="${plan.fileName}"`,
      "Cache-Control": "no-store",
      "X-Content-Type-Options": "nosniff",
    },
  });
});
