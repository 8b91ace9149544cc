import "server-only";
import { db, writeTransaction } from "@/lib/db";
import { NotFound, RateLimited } from "@/lib/errors";
import { isLocale } from "@/lib/i18n/config";
import { issueConfirmation, mailSenderOf } from "./start";
import { canResend } from "./resend-policy";
import { grantsToConfirm } from "./entry-purposes";
import { greetingName } from "@/lib/submission/identity";
import { parseThanksReference } from "@/lib/submission/thanks-reference";

export type ResendResult = "sent" | "alreadyConfirmed";

/**
 * Sends a fresh confirmation link for an entry (from the thank-you page;
 * `reference` is the verified value of its signed reference).
 * The limit is counted in the database, inside the transaction that writes
 * the new token, so it holds against a flood of parallel requests; older
 * links keep working until used or expired.
 */
export async function resendConfirmation(reference: string, now = new Date()): Promise<ResendResult> {
  const { responseId, shown } = parseThanksReference(reference);
  const response = await db.response.findUnique({
    where: { id: responseId },
    select: {
      id: true,
      status: true,
      confirmedAt: true,
      erasedAt: true,
      locale: true,
      campaignId: true,
      campaign: { select: { organisationId: true } },
      contact: { select: { id: true, email: true, firstName: true, emailConfirmedAt: true, erasedAt: true } },
    },
  });
  // A repeat entry stored nothing (its reference names no row): told the same as anyone else, like a bot below.
  if (!response && shown) return "sent";
  if (!response || !response.contact || response.erasedAt || response.contact.erasedAt) throw new NotFound();
  if (response.confirmedAt) return "alreadyConfirmed";
  // A rejected entry (bot) gets no mail, but is told the same as anyone else.
  if (response.status !== "ACCEPTED") return "sent";
  const { organisationId } = response.campaign;
  const sender = await mailSenderOf(response.campaignId, organisationId);
  const contact = response.contact;
  return writeTransaction((sql) => {
    const current = sql.get<{ confirmedAt: string | null }>(`SELECT "confirmedAt" FROM "Response" WHERE "id" = ?`, responseId);
    if (current?.confirmedAt) return "alreadyConfirmed" as const;
    const sent = sql.all<{ createdAt: string }>(`SELECT "createdAt" FROM "OptInToken" WHERE "responseId" = ?`, responseId);
    if (!canResend(sent.map((t) => new Date(t.createdAt)), now)) throw new RateLimited("resendLimit");
    const ledger = sql
      .all<{ purposeId: string; action: string; createdAt: string | number; responseId: string; wording: string }>(
        `SELECT "purposeId", "action", "createdAt", "responseId", "wording" FROM "ConsentRecord" WHERE "contactId" = ?`,
        contact.id,
      )
      .map((r) => ({ ...r, createdAt: new Date(r.createdAt) }));
    issueConfirmation(
      sql,
      {
        organisationId,
        campaignId: response.campaignId,
        contactId: contact.id,
        responseId,
        email: contact.email,
        firstName: greetingName(contact),
        purposes: grantsToConfirm(ledger, responseId).map((g) => g.wording),
        locale: isLocale(response.locale) ? response.locale : "fr",
      },
      sender,
      now,
    );
    return "sent" as const;
  });
}
