import { apiRoute } from "@/lib/api";
import { db } from "@/lib/db";
import { NotFound } from "@/lib/errors";
import { readUpload } from "@/lib/campaigns/uploads";

/** The contest rules as uploaded (PDF), for a published campaign. */
export const GET = apiRoute(async (_request: Request, { params }: { params: Promise<{ slug: string }> }) => {
  const { slug } = await params;
  const campaign = await db.campaign.findUnique({ where: { slug }, select: { rulesFilePath: true, status: true } });
  const file = campaign?.status === "PUBLISHED" ? await readUpload(campaign.rulesFilePath) : null;
  if (!file) throw new NotFound();
  return new Response(new Uint8Array(file.bytes), {
    headers: { "content-type": "application/pdf", "content-disposition": `inline; filename="reglement-${slug}.pdf"`, "x-content-type-options": "nosniff" },
  });
});
