import "server-only";
import { signValue, verifySignedValue } from "@/lib/crypto/sign";
import { appUrl } from "@/lib/env";

/** Purposes of the signed contact references carried by e-mail links (a token for one is worthless for the other). */
const PREFS = "prefs";
const UNSUBSCRIBE = "unsubscribe";

/** The preference-centre token of a contact (no account needed: the signed id is the key). */
export function preferencesToken(contactId: string): string {
  return signValue(PREFS, contactId);
}

/** Absolute link to a contact's preference centre (every e-mail carries it). */
export function preferencesUrl(contactId: string, query = ""): string {
  return `${appUrl()}/p/${encodeURIComponent(preferencesToken(contactId))}${query}`;
}

/** The contact id of a preference-centre token, or null when forged. */
export function contactOfPreferencesToken(token: string): string | null {
  return verifySignedValue(PREFS, token);
}

/** Absolute RFC 8058 one-click unsubscribe endpoint (List-Unsubscribe header). */
export function unsubscribeUrl(contactId: string): string {
  return `${appUrl()}/api/unsubscribe?t=${encodeURIComponent(signValue(UNSUBSCRIBE, contactId))}`;
}

export function contactOfUnsubscribeToken(token: string): string | null {
  return verifySignedValue(UNSUBSCRIBE, token);
}
