"use server";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { signValue } from "@/lib/crypto/sign";
import { hashToken } from "@/lib/crypto/tokens";
import { PLACEHOLDER_TOKEN, isWellFormedToken } from "@/lib/links/token-shape";
import { kickOutbox } from "@/lib/mail/worker";
import { confirmOptIn } from "@/lib/optin/confirm";
import { clientIp, hashIp } from "@/lib/request-meta";

/** The "Confirmer" button (POST): the only way a confirmation link confirms anything. */
export async function confirmAction(token: string): Promise<void> {
  // The bound token comes back from the browser: a malformed one is never looked up nor echoed in the redirect.
  if (!isWellFormedToken(token)) redirect(`/c/${PLACEHOLDER_TOKEN}`);
  const h = await headers();
  const result = await confirmOptIn(token, { userAgent: h.get("user-agent") ?? "", ipHash: (salt) => hashIp(clientIp(h), salt) });
  const page = `/c/${encodeURIComponent(token)}`;
  if (result.state !== "confirmed") redirect(page);
  kickOutbox();
  // The success page is only shown to whoever just confirmed (a later visit says "already used").
  redirect(`${page}?ok=${encodeURIComponent(signValue("confirmed", hashToken(token)))}`);
}
