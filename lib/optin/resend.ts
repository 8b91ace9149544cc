import "server-only";
import { db } from "@/lib/db";
import { NotFound, RateLimited } from "@/lib/errors";
import { isLocale } from "@/lib/i18n/config";
import { issueConfirmation } from "./start";
import { canResend } from "./resend-policy";

export type ResendResult = "sent" | "alreadyConfirmed";

/**
 * Sends a fresh confirmation link for an entry (from the thank-you page).
 * The limit is counted in the database, so it holds across app instances;
 * older links keep working until used or expired.
 */
export async function resendConfirmation(responseId: string, now = new Date()): Promise<ResendResult> {
  return db.$transaction(async (tx) => {
    const response = await tx.response.findUnique({
      where: { id: responseId },
      select: {
        id: true,
        status: true,
        confirmedAt: true,
        erasedAt: true,
        locale: true,
        campaignId: true,
        campaign: { select: { organisationId: true } },
        contact: { select: { id: true, email: true, firstName: true, erasedAt: true } },
        tokens: { select: { createdAt: true } },
      },
    });
    if (!response || !response.contact || response.erasedAt || response.contact.erasedAt) throw new NotFound();
    if (response.confirmedAt) return "alreadyConfirmed";
    // A rejected entry (bot) gets no mail, but is told the same as anyone else.
    if (response.status !== "ACCEPTED") return "sent";
    if (!canResend(response.tokens.map((t) => t.createdAt), now)) throw new RateLimited("resendLimit");
    await issueConfirmation(
      tx,
      {
        organisationId: response.campaign.organisationId,
        campaignId: response.campaignId,
        contactId: response.contact.id,
        responseId: response.id,
        email: response.contact.email,
        firstName: response.contact.firstName || undefined,
        locale: isLocale(response.locale) ? response.locale : "fr",
      },
      now,
    );
    return "sent";
  });
}
