/** How long a delivery is retried before it is given up (FAILED). */
export const RETRY_WINDOW_MS = 24 * 60 * 60_000;

/** Wait before the next attempt after `attempts` failures: 10 s, 20 s, 40 s … (from `firstMs`) capped at 1 h (about 30 tries in 24 h). */
export function webhookRetryDelayMs(attempts: number, firstMs = 10_000): number {
  return Math.min(firstMs * 2 ** Math.max(0, attempts - 1), 60 * 60_000);
}

/**
 * After a failed attempt: the next try, or null when the next try would fall
 * past 24 hours after the event (the delivery is then FAILED; replay it by hand).
 */
export function nextAttemptAfterFailure(createdAt: Date, attempts: number, now: Date, firstMs?: number): Date | null {
  const next = new Date(now.getTime() + webhookRetryDelayMs(attempts, firstMs));
  return next.getTime() - createdAt.getTime() > RETRY_WINDOW_MS ? null : next;
}
