import { apiRoute } from "@/lib/api";
import { exportRequestSchema } from "@/lib/export/presets";
import { exportStream, planExport } from "@/lib/export/queries";
import { exportRequest, exportResponse } from "@/lib/export/request";

export const dynamic = "force-dynamic";

/**
 * GET /api/campaigns/:id/export?preset=…&purposeId=…&segment=…&separator=…&format=csv|xlsx&target=spreadsheet|crm
 * The CSV or XLSX file, streamed from the database (editors and owners only).
 */
export const GET = apiRoute(async (request: Request, { params }: { params: Promise<{ id: string }> }) => {
  const { member, query, locale } = await exportRequest(request, exportRequestSchema);
  const plan = await planExport(member.organisationId, (await params).id, query, locale);
  return exportResponse(exportStream(member, plan), plan);
});
