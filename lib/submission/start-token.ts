import "server-only";
import { signValue, verifySignedValue } from "@/lib/crypto/sign";

/**
 * The form page carries a signed "rendered at" instant; the submit endpoint
 * reads the fill time from it. A post without a valid token never came from
 * the form (a bot posting directly): null, and the endpoint refuses it.
 */
export function startToken(campaignId: string, now = Date.now()): string {
  return signValue("form-start", `${campaignId}:${now}`);
}

export function fillTimeMs(campaignId: string, token: string, now = Date.now()): number | null {
  const value = verifySignedValue("form-start", token);
  if (!value) return null;
  const [id, at] = value.split(":");
  if (id !== campaignId || !at) return null;
  return Math.max(0, now - Number(at));
}
