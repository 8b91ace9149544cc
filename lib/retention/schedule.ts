/** The purge runs once a day. */
export const PURGE_INTERVAL_MS = 86_400_000;

/** How often each app process asks whether the purge is due (cheap: one indexed read). */
export const PURGE_CHECK_INTERVAL_MS = 3_600_000;

/**
 * How long a runner holds the purge: longer than a purge takes, short enough
 * that a crashed runner's lease frees the job the same day.
 */
export const PURGE_LEASE_MS = 3 * 3_600_000;

/**
 * Whether the daily purge is due at `now`, given when the last successful run
 * started (null: never). A failed run does not count: the next check retries.
 */
export function purgeDue(lastSuccessStartedAt: Date | null, now: Date, intervalMs = PURGE_INTERVAL_MS): boolean {
  return lastSuccessStartedAt === null || now.getTime() - lastSuccessStartedAt.getTime() >= intervalMs;
}
