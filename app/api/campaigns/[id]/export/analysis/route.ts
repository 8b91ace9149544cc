import { apiRoute } from "@/lib/api";
import { requireRole } from "@/lib/auth/session";
import { Forbidden, Invalid } from "@/lib/errors";
import { fieldErrorsOf } from "@/lib/validation/field-errors";
import { analysisRequestSchema, analysisStream, planAnalysisExport } from "@/lib/export/analysis-queries";
import { CONTENT_TYPES } from "@/lib/export/formats";
import { requestLocale } from "@/lib/i18n/request-locale";

export const dynamic = "force-dynamic";

/**
 * GET /api/campaigns/:id/export/analysis?format=xlsx|csv&separator=;|,
 * Every accepted response with answers and scores, contact details only where
 * consent counts, streamed (editors and owners only).
 */
export const GET = apiRoute(async (request: Request, { params }: { params: Promise<{ id: string }> }) => {
  const member = await requireRole("leads.export");
  // Another site may link here but must not make a signed-in marketer download (and log) an export unknowingly.
  if (request.headers.get("sec-fetch-site") === "cross-site") throw new Forbidden("errors.origin.foreign");
  const { id } = await params;
  const query = Object.fromEntries(new URL(request.url).searchParams);
  const parsed = analysisRequestSchema.safeParse({ format: query.format || undefined, separator: query.separator || undefined, target: query.target || undefined });
  if (!parsed.success) throw new Invalid("errors.exportParameters", fieldErrorsOf(parsed.error));
  const plan = await planAnalysisExport(member.organisationId, id, parsed.data, await requestLocale());
  return new Response(analysisStream(member, plan), {
    headers: {
      "Content-Type": CONTENT_TYPES[plan.format],
      "Content-Disposition": `attachment; filename="${plan.fileName}"`,
      "Cache-Control": "no-store",
      "X-Content-Type-Options": "nosniff",
    },
  });
});
