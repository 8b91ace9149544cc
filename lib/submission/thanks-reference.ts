import "server-only";
import { signValue } from "@/lib/crypto/sign";
import { maskEmail, normaliseEmail } from "./email";

/**
 * The thank-you page's signed reference: the entry id and the masked address
 * it shows. The page can render from it alone, so an entry refused as a
 * repeat (nothing stored, a fresh id) gets the same page as a new one.
 */
export function thanksToken(responseId: string, email: string | null): string {
  return signValue("thanks", `${responseId}~${email ? maskEmail(normaliseEmail(email)) : ""}`);
}

/**
 * The parts of a verified reference; `shown` is null for older references,
 * which carry the id alone (the page then reads the entry).
 */
export function parseThanksReference(value: string): { responseId: string; shown: { maskedEmail: string | null } | null } {
  const cut = value.indexOf("~");
  if (cut === -1) return { responseId: value, shown: null };
  return { responseId: value.slice(0, cut), shown: { maskedEmail: value.slice(cut + 1) || null } };
}
