/**
 * What a link from a mail is worth now, and the HTTP status that says it:
 * a page that works (or that says it already did its job) answers 200, an
 * unknown or tampered link 404, an expired one 410. Every link page (the
 * confirmation, the preference centre) shows its helpful text for each state
 * and lets proxy.ts set the status from this one table.
 */
export type LinkState = "valid" | "used" | "expired" | "unknown";

const STATUS: Record<LinkState, 200 | 404 | 410> = { valid: 200, used: 200, expired: 410, unknown: 404 };

export function linkHttpStatus(state: LinkState): 200 | 404 | 410 {
  return STATUS[state];
}
