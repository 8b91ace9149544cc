import "server-only";
import { signValue, verifySignedValue } from "@/lib/crypto/sign";
import { appUrl } from "@/lib/env";

/** Purposes of the signed contact references carried by e-mail links (a token for one is worthless for the other). */
const PREFS = "prefs";
const UNSUBSCRIBE = "unsubscribe";

/** How long a preference-centre link in a mail works (SPEC "Links expire and say so"). */
export const PREFERENCES_LINK_DAYS = 90;
const DAY_MS = 86_400_000;

/**
 * The preference-centre token of a contact (no account needed: the signed
 * reference is the key): `<contactId>.<expiry in base-36 seconds>.<mac>`, so
 * a forwarded or leaked mail stops giving access to the data after 90 days.
 */
export function preferencesToken(contactId: string, now = new Date()): string {
  const expires = Math.floor((now.getTime() + PREFERENCES_LINK_DAYS * DAY_MS) / 1000).toString(36);
  return signValue(PREFS, `${contactId}.${expires}`);
}

/** Absolute link to a contact's preference centre (every e-mail carries it). */
export function preferencesUrl(contactId: string, query = ""): string {
  return `${appUrl()}/p/${encodeURIComponent(preferencesToken(contactId))}${query}`;
}

type PreferencesLink = { state: "valid"; contactId: string } | { state: "expired" } | { state: "unknown" };

/**
 * What a preference-centre token is worth at `now`: valid (with its contact),
 * expired, or unknown (forged, altered). Links signed before links carried an
 * expiry date count as expired: their age cannot be known.
 */
export function readPreferencesToken(token: string, now = new Date()): PreferencesLink {
  const value = verifySignedValue(PREFS, token);
  if (!value) return { state: "unknown" };
  const [contactId, expires] = value.split(".");
  if (!contactId || !expires) return { state: "expired" };
  const expiresAt = parseInt(expires, 36) * 1000;
  if (!Number.isFinite(expiresAt) || now.getTime() >= expiresAt) return { state: "expired" };
  return { state: "valid", contactId };
}

/** The contact id of a preference-centre token that works now, or null (forged or expired). */
export function contactOfPreferencesToken(token: string, now = new Date()): string | null {
  const link = readPreferencesToken(token, now);
  return link.state === "valid" ? link.contactId : null;
}

/** Absolute RFC 8058 one-click unsubscribe endpoint (List-Unsubscribe header). */
export function unsubscribeUrl(contactId: string): string {
  return `${appUrl()}/api/unsubscribe?t=${encodeURIComponent(signValue(UNSUBSCRIBE, contactId))}`;
}

export function contactOfUnsubscribeToken(token: string): string | null {
  return verifySignedValue(UNSUBSCRIBE, token);
}
