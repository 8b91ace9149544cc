import { NextResponse } from "next/server";
import { apiRoute } from "@/lib/api";
import { db } from "@/lib/db";
import { withdrawConsents } from "@/lib/consent/withdraw";
import { NotFound } from "@/lib/errors";
import { readBodyText } from "@/lib/http/read-body";
import { isWellFormedToken } from "@/lib/links/token-shape";
import { contactOfUnsubscribeToken, preferencesUrl } from "@/lib/preferences/links";
import { clientIp, hashIp } from "@/lib/request-meta";
import { RESPONDENT_ACTOR } from "@/lib/audit/actors";

/** The contact of the link's signed token; null for a forged or malformed one (never looked up nor echoed). */
function unsubscribeContact(request: Request): string | null {
  const token = new URL(request.url).searchParams.get("t");
  return isWellFormedToken(token) ? contactOfUnsubscribeToken(token) : null;
}

/**
 * RFC 8058 one-click unsubscribe: the mailbox provider POSTs
 * "List-Unsubscribe=One-Click" to the List-Unsubscribe URL. The signed token
 * in the URL is the authorisation (no cookie, no Origin: it comes from the
 * provider's servers). Every consent of the contact is withdrawn at once.
 */
export const POST = apiRoute(async (request: Request) => {
  // The body ("List-Unsubscribe=One-Click") says nothing the URL does not: read within a small limit, then ignored.
  await readBodyText(request, 1024);
  const contactId = unsubscribeContact(request);
  if (!contactId) throw new NotFound();
  const contact = await db.contact.findUnique({ where: { id: contactId }, select: { id: true, organisationId: true, erasedAt: true, organisation: { select: { salt: true } } } });
  if (!contact || contact.erasedAt) throw new NotFound();
  await withdrawConsents({
    organisationId: contact.organisationId,
    contactId: contact.id,
    method: "UNSUBSCRIBE_LINK",
    pageUrl: "List-Unsubscribe",
    userAgent: request.headers.get("user-agent") ?? "",
    ipHash: hashIp(clientIp(request.headers), contact.organisation.salt),
    actor: RESPONDENT_ACTOR,
  });
  return new NextResponse(null, { status: 200 });
});

/** A plain visit (or a scanner) changes nothing: it leads to the preference centre's unsubscribe button. */
export const GET = apiRoute(async (request: Request) => {
  const contactId = unsubscribeContact(request);
  if (!contactId) throw new NotFound();
  return NextResponse.redirect(preferencesUrl(contactId, "?desabonnement=1"), 303);
});
