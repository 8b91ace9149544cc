import { apiRoute } from "@/lib/api";
import { analysisRequestSchema, analysisStream, planAnalysisExport } from "@/lib/export/analysis-queries";
import { exportRequest, exportResponse } from "@/lib/export/request";

export const dynamic = "force-dynamic";

/**
 * GET /api/campaigns/:id/export/analysis?format=xlsx|csv&separator=;|,
 * Every accepted response with answers and scores, contact details only where
 * consent counts, streamed (editors and owners only).
 */
export const GET = apiRoute(async (request: Request, { params }: { params: Promise<{ id: string }> }) => {
  const { member, query, locale } = await exportRequest(request, analysisRequestSchema);
  const plan = await planAnalysisExport(member.organisationId, (await params).id, query, locale);
  return exportResponse(analysisStream(member, plan), plan);
});
