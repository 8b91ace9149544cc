import { apiRoute } from "@/lib/api";
import { getMember } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { NotFound } from "@/lib/errors";
import { isPublic } from "@/lib/campaigns/visibility";
import { readUpload } from "@/lib/campaigns/uploads";

/**
 * The campaign's logo: public once the form is (it is shown on the form); before that,
 * only members of its organisation see it (builder preview), everyone else gets a 404.
 */
export const GET = apiRoute(async (_request: Request, { params }: { params: Promise<{ slug: string }> }) => {
  const campaign = await db.campaign.findUnique({
    where: { slug: (await params).slug },
    select: { logoPath: true, status: true, publishedAt: true, organisationId: true },
  });
  if (!campaign) throw new NotFound();
  const open = isPublic(campaign);
  if (!open && (await getMember())?.organisationId !== campaign.organisationId) throw new NotFound();
  const file = await readUpload(campaign.logoPath);
  if (!file) throw new NotFound();
  return new Response(new Uint8Array(file.bytes), {
    headers: { "content-type": file.contentType, "cache-control": open ? "public, max-age=3600" : "private, no-store", "x-content-type-options": "nosniff" },
  });
});
