import { apiRoute } from "@/lib/api";
import { db } from "@/lib/db";
import { NotFound } from "@/lib/errors";
import { readUpload } from "@/lib/campaigns/uploads";

/** The campaign's logo (public: it is shown on the form and its preview). */
export const GET = apiRoute(async (_request: Request, { params }: { params: Promise<{ slug: string }> }) => {
  const campaign = await db.campaign.findUnique({ where: { slug: (await params).slug }, select: { logoPath: true } });
  const file = await readUpload(campaign?.logoPath);
  if (!file) throw new NotFound();
  return new Response(new Uint8Array(file.bytes), { headers: { "content-type": file.contentType, "cache-control": "public, max-age=3600", "x-content-type-options": "nosniff" } });
});
