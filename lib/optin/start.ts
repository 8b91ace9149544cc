import "server-only";
import { db, newId, type SqlWriter } from "@/lib/db";
import { hashToken, randomToken } from "@/lib/crypto/tokens";
import { appUrl } from "@/lib/env";
import { queueMailSql } from "@/lib/mail/outbox";
import { confirmationMail } from "@/lib/mail/templates/confirmation";
import { controllerSelect, type MailOrganisation } from "@/lib/mail/render";
import { campaignLogoUrl } from "@/lib/mail/brand";
import { OPTIN_VALID_DAYS, optInExpiry } from "./token-state";

type DoubleOptInStart = {
  organisationId: string;
  campaignId: string;
  contactId: string;
  responseId: string;
  email: string;
  /** Greeting name: only a confirmed contact's */
  firstName?: string;
  /** Wording of each purpose the confirmation will confirm (see grantsToConfirm) */
  purposes: readonly string[];
  locale: "fr" | "en";
};

/** Who a campaign's mails come from: its title and colour, the organisation as controller. */
export type MailSender = { campaignTitle: string; brandColor: string; logoUrl?: string; organisation: MailOrganisation };

/** The absolute link of the confirmation page for a raw token. */
export function confirmationUrl(token: string): string {
  return `${appUrl()}/c/${encodeURIComponent(token)}`;
}

/** The sender of a campaign's mails, read from the database (the submission path caches it instead). */
export async function mailSenderOf(campaignId: string, organisationId: string): Promise<MailSender> {
  const campaign = await db.campaign.findFirstOrThrow({
    where: { id: campaignId, organisationId },
    select: { title: true, slug: true, logoPath: true, brandColor: true, organisation: { select: controllerSelect } },
  });
  return { campaignTitle: campaign.title, brandColor: campaign.brandColor, logoUrl: campaignLogoUrl(campaign), organisation: campaign.organisation };
}

/**
 * Starts (or restarts, for a resend) the double opt-in of an entry inside a
 * writeTransaction: a single-use token of 256 bits (only its sha256 stored,
 * valid 7 days) and the confirmation mail in the outbox, so both exist
 * exactly when what caused them does.
 */
export async function issueConfirmation(sql: SqlWriter, input: DoubleOptInStart, sender: MailSender, now: Date): Promise<void> {
  const token = randomToken();
  await sql.insert("OptInToken", [
    { id: newId(), contactId: input.contactId, responseId: input.responseId, tokenHash: hashToken(token), createdAt: now, expiresAt: optInExpiry(now) },
  ]);
  const mail = confirmationMail({
    locale: input.locale,
    organisation: sender.organisation,
    campaignTitle: sender.campaignTitle,
    brandColor: sender.brandColor,
    logoUrl: sender.logoUrl,
    firstName: input.firstName,
    purposes: input.purposes,
    contactId: input.contactId,
    confirmUrl: confirmationUrl(token),
    validDays: OPTIN_VALID_DAYS,
    now,
  });
  await queueMailSql(sql, { organisationId: input.organisationId, to: input.email, kind: "optin.confirmation", ...mail }, now);
}
