"use server";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { signValue } from "@/lib/crypto/sign";
import { hashToken } from "@/lib/crypto/tokens";
import { PLACEHOLDER_TOKEN, isWellFormedToken } from "@/lib/links/token-shape";
import { kickOutbox } from "@/lib/mail/worker";
import { confirmParentalConsent } from "@/lib/minors/parental";
import { clientIp, hashIp } from "@/lib/request-meta";

/** The parent's "I agree" button (POST): the only way the parent's link agrees to anything. */
export async function confirmParentalAction(token: string): Promise<void> {
  // The bound token comes back from the browser: a malformed one is never looked up nor echoed in the redirect.
  if (!isWellFormedToken(token)) redirect(`/c/parent/${PLACEHOLDER_TOKEN}`);
  const h = await headers();
  const result = await confirmParentalConsent(token, { userAgent: h.get("user-agent") ?? "", ipHash: (salt) => hashIp(clientIp(h), salt) });
  const page = `/c/parent/${encodeURIComponent(token)}`;
  if (result.state !== "confirmed") redirect(page);
  kickOutbox();
  redirect(`${page}?ok=${encodeURIComponent(signValue("parental", hashToken(token)))}`);
}
