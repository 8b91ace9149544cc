import "server-only";
import { db } from "@/lib/db";

/**
 * Counts one view of a public form, without cookies: one counter per
 * campaign, hour and UTM source. Two first views in the same hour may race
 * on the unique counter; the loser simply increments.
 */
export async function countView(campaignId: string, utmSource: string, now = new Date()): Promise<void> {
  const hour = new Date(Math.floor(now.getTime() / 3_600_000) * 3_600_000);
  const source = utmSource.slice(0, 100);
  const key = { campaignId_hour_utmSource: { campaignId, hour, utmSource: source } };
  try {
    await db.viewCount.upsert({ where: key, create: { campaignId, hour, utmSource: source, count: 1 }, update: { count: { increment: 1 } } });
  } catch (error) {
    if ((error as { code?: string }).code !== "P2002") throw error;
    await db.viewCount.update({ where: key, data: { count: { increment: 1 } } });
  }
}
