/**
 * The organisation a member of several works in: its id in a cookie, only a
 * wish. The session (lib/auth/session.ts) honours it only when the member
 * belongs to that organisation, else falls back to the first one joined.
 */
export const ORGANISATION_COOKIE = "aimant-org";

/** Picks the membership the cookie names, or the first one (memberships oldest first). */
export function pickMembership<T extends { organisationId: string }>(memberships: T[], wanted: string | undefined): T | undefined {
  return memberships.find((m) => m.organisationId === wanted) ?? memberships[0];
}
