"use server";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { withdrawConsents } from "@/lib/consent/withdraw";
import { PLACEHOLDER_TOKEN, isWellFormedToken } from "@/lib/links/token-shape";
import { contactForPreferences } from "@/lib/preferences/queries";
import { eraseContact } from "@/lib/rights/queries";
import { objectToProfiling } from "@/lib/rfm/queries";
import { clientIp, hashIp } from "@/lib/request-meta";
import { RESPONDENT_ACTOR } from "@/lib/audit/actors";

const RESPONDENT = RESPONDENT_ACTOR;

async function requestMeta(salt: string) {
  const h = await headers();
  return { userAgent: h.get("user-agent") ?? "", ipHash: hashIp(clientIp(h), salt) };
}

function page(token: string, query = "") {
  // The bound token comes back from the browser: a malformed one is never echoed in the redirect.
  return isWellFormedToken(token) ? `/p/${encodeURIComponent(token)}${query}` : `/p/${PLACEHOLDER_TOKEN}`;
}

/** Withdraws one purpose (or all of them when purposeId is empty), in one click. */
export async function withdrawAction(token: string, purposeId: string): Promise<void> {
  const contact = await contactForPreferences(token);
  if (!contact) redirect(page(token));
  const count = await withdrawConsents({
    organisationId: contact.organisationId,
    contactId: contact.id,
    purposeId: purposeId || undefined,
    method: purposeId ? "PREFERENCE_CENTRE" : "UNSUBSCRIBE_LINK",
    pageUrl: "/p",
    actor: RESPONDENT,
    ...(await requestMeta(contact.organisation.salt)),
  });
  redirect(page(token, `?fait=${count === 0 ? "rien" : purposeId ? "retire" : "desabonne"}#consentements`));
}

/** Objects to the scoring of answers on legitimate interest: the scores go at once. */
export async function objectToProfilingAction(token: string): Promise<void> {
  const contact = await contactForPreferences(token);
  if (!contact) redirect(page(token));
  await objectToProfiling(contact.organisationId, contact.id, RESPONDENT);
  redirect(page(token, "?fait=opposition#profilage"));
}

/** Erasure after the confirmation step. */
export async function eraseAction(token: string): Promise<void> {
  const contact = await contactForPreferences(token);
  if (!contact) redirect(page(token));
  await eraseContact(contact.organisationId, contact.id, "PREFERENCE_CENTRE", RESPONDENT);
  redirect(`/p/efface?l=${contact.locale === "en" ? "en" : "fr"}`);
}
