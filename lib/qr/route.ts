import "server-only";
import { db } from "@/lib/db";
import { Invalid, NotFound } from "@/lib/errors";
import { appUrl } from "@/lib/env";
import { qrOptionsSchema, qrTargetUrl, type QrOptions } from "./options";

/** The target URL and options of a QR request; only published campaigns have a QR code. */
export async function qrRequest(slug: string, search: URLSearchParams): Promise<{ url: string; options: QrOptions; slug: string }> {
  const campaign = await db.campaign.findUnique({ where: { slug }, select: { slug: true, status: true } });
  if (!campaign || campaign.status !== "PUBLISHED") throw new NotFound("errors.formNotPublished");
  const parsed = qrOptionsSchema.safeParse(Object.fromEntries(search));
  if (!parsed.success) throw new Invalid("errors.qrParameters");
  return { url: qrTargetUrl(appUrl(), campaign.slug), options: parsed.data, slug: campaign.slug };
}
