import "server-only";
import type { Tx } from "@/lib/db";
import { hashToken, randomToken } from "@/lib/crypto/tokens";
import { appUrl } from "@/lib/env";
import { queueMail } from "@/lib/mail/outbox";
import { confirmationMail } from "@/lib/mail/templates/confirmation";
import { OPTIN_VALID_DAYS, optInExpiry } from "./token-state";
import { controllerSelect } from "@/lib/mail/render";

export type DoubleOptInStart = {
  organisationId: string;
  campaignId: string;
  contactId: string;
  responseId: string;
  email: string;
  firstName?: string;
  locale: "fr" | "en";
};

/** The absolute link of the confirmation page for a raw token. */
export function confirmationUrl(token: string): string {
  return `${appUrl()}/c/${encodeURIComponent(token)}`;
}

/**
 * Starts the double opt-in for a new entry, inside the submission's transaction:
 * creates a single-use token of 256 bits (only its sha256 stored, valid 7 days)
 * and queues the confirmation e-mail, so both exist exactly when the entry does.
 */
export async function startDoubleOptIn(tx: Tx, input: DoubleOptInStart): Promise<void> {
  await issueConfirmation(tx, input, new Date());
}

/** Creates a fresh token and queues its mail (first send and resends alike). */
export async function issueConfirmation(tx: Tx, input: DoubleOptInStart, now: Date): Promise<void> {
  const campaign = await tx.campaign.findUniqueOrThrow({
    where: { id: input.campaignId },
    select: {
      title: true,
      brandColor: true,
      organisationId: true,
      organisation: { select: controllerSelect },
    },
  });
  if (campaign.organisationId !== input.organisationId) throw new Error("campaign outside the organisation");
  const token = randomToken();
  await tx.optInToken.create({
    data: { contactId: input.contactId, responseId: input.responseId, tokenHash: hashToken(token), createdAt: now, expiresAt: optInExpiry(now) },
  });
  const mail = confirmationMail({
    locale: input.locale,
    organisation: campaign.organisation,
    campaignTitle: campaign.title,
    brandColor: campaign.brandColor,
    firstName: input.firstName,
    contactId: input.contactId,
    confirmUrl: confirmationUrl(token),
    validDays: OPTIN_VALID_DAYS,
  });
  await queueMail(tx, { organisationId: input.organisationId, to: input.email, kind: "optin.confirmation", ...mail });
}
