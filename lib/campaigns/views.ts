import "server-only";
import { newId, writeTransaction } from "@/lib/db";

/** Views waiting to be written, by campaign, hour and source. */
const pending = new Map<string, { campaignId: string; hour: Date; utmSource: string; count: number }>();
const FLUSH_EVERY_MS = 2000;
let timer: NodeJS.Timeout | undefined;

// A campaign deleted in the meantime just loses its last views (the SELECT finds nothing to insert).
const ADD_VIEWS = `INSERT INTO "ViewCount" ("id", "campaignId", "hour", "utmSource", "count")
SELECT ?, "id", ?, ?, ? FROM "Campaign" WHERE "id" = ?
ON CONFLICT ("campaignId", "hour", "utmSource") DO UPDATE SET "count" = "ViewCount"."count" + excluded."count"`;

/**
 * Counts one view of a public form, without cookies: one counter per
 * campaign, hour and UTM source. Views are added up in memory and written
 * every two seconds in one transaction, so a crowd on the form page costs a
 * write now and then, not one per view (a crash loses two seconds of views,
 * never an entry).
 */
export function countView(campaignId: string, utmSource: string, now = new Date()): void {
  const hour = new Date(Math.floor(now.getTime() / 3_600_000) * 3_600_000);
  const source = utmSource.slice(0, 100);
  const key = `${campaignId}\n${hour.getTime()}\n${source}`;
  const entry = pending.get(key);
  if (entry) entry.count++;
  else pending.set(key, { campaignId, hour, utmSource: source, count: 1 });
  timer ??= setTimeout(() => void flushViews().catch((error) => console.error("view count failed", error)), FLUSH_EVERY_MS).unref();
}

/** Writes the pending views now (the timer does it on its own; tests call it). */
export async function flushViews(): Promise<void> {
  clearTimeout(timer);
  timer = undefined;
  const views = [...pending.values()];
  pending.clear();
  if (views.length === 0) return;
  await writeTransaction(async (sql) => {
    for (const v of views) await sql.run(ADD_VIEWS, newId(), v.hour, v.utmSource, v.count, v.campaignId);
  });
}
