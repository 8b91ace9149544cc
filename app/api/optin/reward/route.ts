import path from "node:path";
import { apiRoute } from "@/lib/api";
import { db } from "@/lib/db";
import { NotFound } from "@/lib/errors";
import { readUpload } from "@/lib/campaigns/uploads";
import { isWellFormedToken } from "@/lib/links/token-shape";
import { responseOfRewardToken } from "@/lib/optin/reward";

/** Downloads a lead magnet's uploaded reward, for a confirmed entry only (the link is signed with the entry). */
export const GET = apiRoute(async (request: Request) => {
  const token = new URL(request.url).searchParams.get("r") ?? "";
  const responseId = isWellFormedToken(token) ? responseOfRewardToken(token) : null;
  if (!responseId) throw new NotFound();
  const response = await db.response.findUnique({
    where: { id: responseId },
    select: { confirmedAt: true, erasedAt: true, campaign: { select: { kind: true, rewardFilePath: true } } },
  });
  const relative = response?.campaign.rewardFilePath;
  if (!response?.confirmedAt || response.erasedAt || response.campaign.kind !== "LEAD_MAGNET" || !relative) throw new NotFound();
  // The same reader as every upload's (on disk, or in the database with several instances; never outside the uploads folder).
  const file = await readUpload(relative);
  if (!file) throw new NotFound();
  return new Response(new Uint8Array(file.bytes), {
    headers: {
      "Content-Type": "application/octet-stream",
      "Content-Disposition": `attachment; filename="${path.basename(relative).replace(/[^\w.-]+/g, "_")}"`,
      "Cache-Control": "private, no-store",
    },
  });
});
