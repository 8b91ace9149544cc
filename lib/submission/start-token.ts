import "server-only";
import { signValue, verifySignedValue } from "@/lib/crypto/sign";

/**
 * The form page carries a signed "rendered at" instant; the submit endpoint
 * reads the fill time from it. A bot posting directly has no valid token and
 * counts as filled in 0 ms (rejected quietly, like a too-fast entry).
 */
export function startToken(campaignId: string, now = Date.now()): string {
  return signValue("form-start", `${campaignId}:${now}`);
}

export function fillTimeMs(campaignId: string, token: string, now = Date.now()): number {
  const value = verifySignedValue("form-start", token);
  if (!value) return 0;
  const [id, at] = value.split(":");
  if (id !== campaignId || !at) return 0;
  return Math.max(0, now - Number(at));
}
