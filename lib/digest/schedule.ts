import { localParts } from "@/lib/time-zone";

/** The digest leaves from this local hour of the campaign's time zone, once a day. */
export const DIGEST_HOUR = 8;

/** How often the worker looks for digests due (the schedule itself lives in the rows). */
export const DIGEST_CHECK_INTERVAL_MS = 5 * 60_000;

/** The campaign's local day at `now`, and whether its digest may leave yet. */
export function digestSlot(now: Date, timeZone: string): { day: string; due: boolean } {
  const { day, hour } = localParts(now, timeZone);
  return { day, due: hour >= DIGEST_HOUR };
}
