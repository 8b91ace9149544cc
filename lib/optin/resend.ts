import "server-only";
import { db, lockRow, writeTransaction } from "@/lib/db";
import { NotFound, RateLimited } from "@/lib/errors";
import { isLocale } from "@/lib/i18n/config";
import { translate } from "@/lib/i18n/translate";
import { RateLimiter } from "@/lib/rate-limit";
import { issueConfirmation, mailSenderOf } from "./start";
import { RESENDS_PER_HOUR, canResend } from "./resend-policy";
import { grantsToConfirm } from "./entry-purposes";
import { greetingName } from "@/lib/submission/identity";
import { parseThanksReference } from "@/lib/submission/thanks-reference";

/** Resends asked for entries that get no mail (rejected, repeats): counted like real ones (which count their tokens), so the limit gives nothing away. */
const unseenResends = new RateLimiter(RESENDS_PER_HOUR, 3_600_000, "resend-unseen");

type ResendResult = "sent" | "alreadyConfirmed";

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
  const locale = isLocale(response?.locale) ? response.locale : "fr";
  // A repeat entry stored nothing (its reference names no row) and a rejected entry (bot) has no contact: neither gets
  // a mail, both are told exactly what a real entry is, limit included.
  if ((!response && shown) || (response && response.status !== "ACCEPTED")) {
    if (!(await unseenResends.hit(responseId, now.getTime()))) throw new RateLimited(translate(locale, "consent.resend.limit"));
    return "sent";
  }
  if (!response || response.erasedAt) throw new NotFound(translate(locale, "consent.resend.errors.gone"));
  if (!response.contact || response.contact.erasedAt) throw new NotFound(translate(locale, "consent.resend.errors.gone"));
  if (response.confirmedAt) return "alreadyConfirmed";
  const { organisationId } = response.campaign;
  const sender = await mailSenderOf(response.campaignId, organisationId);
  const contact = response.contact;
  return writeTransaction(async (sql) => {
    // The entry's resends one at a time: the count below is then the truth (12 at once send 3, not 10).
    await lockRow(sql, "Response", responseId);
    const current = await sql.get<{ confirmedAt: string | null }>(`SELECT "confirmedAt" FROM "Response" WHERE "id" = ?`, responseId);
    if (current?.confirmedAt) return "alreadyConfirmed" as const;
    const sent = await sql.all<{ createdAt: string }>(`SELECT "createdAt" FROM "OptInToken" WHERE "responseId" = ?`, responseId);
    if (!canResend(sent.map((t) => new Date(t.createdAt)), now)) throw new RateLimited(translate(locale, "consent.resend.limit"));
    // Only the newest link works: the earlier ones (perhaps forwarded, or seen in a mailbox left open) expire now.
    await sql.run(`UPDATE "OptInToken" SET "expiresAt" = ? WHERE "responseId" = ? AND "usedAt" IS NULL AND "expiresAt" > ?`, now, responseId, now);
    const ledger = (
      await sql.all<{ purposeId: string; action: string; createdAt: string | number; responseId: string; wording: string }>(
        `SELECT "purposeId", "action", "createdAt", "responseId", "wording" FROM "ConsentRecord" WHERE "contactId" = ?`,
        contact.id,
      )
    ).map((r) => ({ ...r, createdAt: new Date(r.createdAt) }));
    await issueConfirmation(
      sql,
      {
        organisationId,
        campaignId: response.campaignId,
        contactId: contact.id,
        responseId,
        email: contact.email,
        firstName: greetingName(contact),
        purposes: grantsToConfirm(ledger, responseId).map((g) => g.wording),
        locale,
      },
      sender,
      now,
    );
    return "sent" as const;
  });
}

/** The language of an entry's form, to answer about it in that language (French when unknown). */
export async function entryLocale(reference: string): Promise<"fr" | "en"> {
  const response = await db.response.findUnique({ where: { id: parseThanksReference(reference).responseId }, select: { locale: true } });
  return response?.locale === "en" ? "en" : "fr";
}
