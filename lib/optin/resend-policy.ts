/** A respondent may ask for the confirmation mail again at most this many times per hour. */
export const RESENDS_PER_HOUR = 3;
const HOUR_MS = 3_600_000;

/**
 * Whether one more resend is allowed, given when each confirmation token of
 * the entry was created (the first one is the original mail, not a resend).
 */
export function canResend(tokenCreatedAts: readonly Date[], now: Date): boolean {
  const sorted = [...tokenCreatedAts].sort((a, b) => a.getTime() - b.getTime());
  const resends = sorted.slice(1);
  const recent = resends.filter((d) => now.getTime() - d.getTime() < HOUR_MS).length;
  return recent < RESENDS_PER_HOUR;
}
