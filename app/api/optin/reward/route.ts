import fs from "node:fs";
import path from "node:path";
import { Readable } from "node:stream";
import { apiRoute } from "@/lib/api";
import { db } from "@/lib/db";
import { NotFound } from "@/lib/errors";
import { uploadFile } from "@/lib/campaigns/uploads";
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
  // The same resolver as the writer's (relative to the uploads folder, never outside it).
  const file = uploadFile(relative);
  if (!file || !fs.existsSync(file)) throw new NotFound();
  const stream = Readable.toWeb(fs.createReadStream(file)) as ReadableStream;
  return new Response(stream, {
    headers: {
      "Content-Type": "application/octet-stream",
      "Content-Disposition": `attachment; filename="${path.basename(file).replace(/[^\w.-]+/g, "_")}"`,
      "Cache-Control": "private, no-store",
    },
  });
});
