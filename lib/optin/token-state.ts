/** How long a double opt-in link stays valid. */
export const OPTIN_VALID_DAYS = 7;
const DAY_MS = 86_400_000;

/** When a token created at `createdAt` stops working. */
export function optInExpiry(createdAt: Date): Date {
  return new Date(createdAt.getTime() + OPTIN_VALID_DAYS * DAY_MS);
}

export type TokenState = "valid" | "used" | "expired" | "unknown";

/**
 * What a confirmation link is worth now. A token is single-use; expiry is
 * exclusive (at the very instant of expiry the link no longer works).
 */
export function tokenState(token: { expiresAt: Date; usedAt: Date | null } | null, now: Date): TokenState {
  if (!token) return "unknown";
  if (token.usedAt) return "used";
  if (now.getTime() >= token.expiresAt.getTime()) return "expired";
  return "valid";
}
