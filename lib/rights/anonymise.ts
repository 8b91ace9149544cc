import "server-only";
import type { Tx } from "@/lib/db";
import { currentConsents } from "@/lib/consent/current";
import { recordConsents } from "@/lib/consent/ledger";
import { tieLedgerToSubjectHash } from "@/lib/consent/ledger-erasure";
import { suppress, suppressionHash } from "./suppression";
import { emitContactErased } from "@/lib/webhooks/emit";

type AnonymiseReason = "ERASURE" | "RETENTION";

/**
 * Removes a contact's personal data everywhere, inside the caller's transaction
 * (SPEC "Erasure leaves nothing personal"):
 * - Contact: e-mail → "erased:<id>", names, phone, postal code, birth date blanked, erasedAt set;
 * - its entries: every answer deleted; the entry row unlinked from the contact
 *   (contactId null) and stripped of the JSON copy of answers, page URL, referrer,
 *   user agent, IP hash, UTM, fill time, scores, segment, dedupe key and exclusion
 *   note. What is left (campaign, status, times) is what the ledger and a draw
 *   already prove, tied to no one: the submission counts and a draw's list of
 *   eligible entries still hold;
 * - its confirmation tokens and the mails addressed to it in the outbox deleted;
 * - the consent ledger keeps its records as proof, tied to the suppression hash
 *   of the address instead of the person, their user agent, IP hash and page URL
 *   blanked (the one update its trigger allows); a WITHDRAW record (method
 *   ERASURE) is appended for each purpose still consented;
 * - the suppression hash added to the suppression list when the person asked
 *   for erasure or had opted out (so it is never re-imported); a contact
 *   merely expired, who never objected, may come back by entering again.
 * Call checkpointAfterErasure() after the transaction commits, so the erased
 * values are gone from the database files too.
 * Returns false when the contact was already anonymised (idempotent).
 */
export async function anonymiseContact(tx: Tx, contactId: string, reason: AnonymiseReason, now = new Date()): Promise<boolean> {
  const contact = await tx.contact.findUnique({
    where: { id: contactId },
    select: { id: true, email: true, emailConfirmedAt: true, erasedAt: true, organisationId: true, organisation: { select: { id: true, salt: true } } },
  });
  if (!contact || contact.erasedAt) return false;
  // Claim it first: two concurrent erasures do the work once.
  const claimed = await tx.contact.updateMany({ where: { id: contactId, erasedAt: null }, data: { erasedAt: now } });
  if (claimed.count !== 1) return false;

  const ledger = await tx.consentRecord.findMany({
    where: { contactId },
    select: { id: true, purposeId: true, purposeVersionId: true, wording: true, wordingHash: true, action: true, createdAt: true, campaignId: true },
  });
  if (reason === "ERASURE" || ledger.some((r) => r.action === "WITHDRAW")) await suppress(tx, contact.organisation, contact.email, reason, now);
  const subjectHash = suppressionHash(contact.organisation.salt, contact.email);
  const withdrawals = [...currentConsents(ledger).values()].filter((c) => c.consenting);
  await recordConsents(
    tx,
    withdrawals.map((c) => ({
      organisationId: contact.organisationId,
      contactId,
      purposeId: c.purposeId,
      purposeVersionId: c.latest.purposeVersionId,
      wording: c.latest.wording,
      wordingHash: c.latest.wordingHash,
      action: "WITHDRAW" as const,
      method: "ERASURE" as const,
      campaignId: c.latest.campaignId,
    })),
    now,
  );
  await tieLedgerToSubjectHash(tx, contactId, subjectHash);
  // The CRM is told to delete the person (art. 19); the events still naming them are taken back.
  await emitContactErased(tx, { organisationId: contact.organisationId, contactId, email: contact.email, wasConfirmed: contact.emailConfirmedAt !== null, reason, at: now });

  const responses = await tx.response.findMany({ where: { contactId }, select: { id: true } });
  const responseIds = responses.map((r) => r.id);
  await stripEntries(tx, responseIds, now);
  await tx.optInToken.deleteMany({ where: { contactId } });
  await tx.outboxMail.deleteMany({ where: { organisationId: contact.organisationId, toAddress: contact.email } });
  await tx.contact.update({
    where: { id: contactId },
    data: { email: `erased:${contactId}`, emailConfirmedAt: null, firstName: "", lastName: "", phone: "", postalCode: "", birthDate: null },
  });
  return true;
}

/**
 * Strips entries of everything personal (inside the caller's transaction):
 * every answer deleted; the row unlinked from its contact and emptied of the
 * JSON copy of answers, page URL, referrer, user agent, IP hash, UTM, fill
 * time, scores, segment, dedupe key and the free-text exclusion note; erasedAt set. What
 * stays (campaign, status, times) counts the entry without pointing at anyone.
 */
export async function stripEntries(tx: Tx, responseIds: string[], now = new Date()): Promise<number> {
  if (responseIds.length === 0) return 0;
  await tx.answer.deleteMany({ where: { responseId: { in: responseIds } } });
  // A parent's address given by a child goes with the entry, and so do the mails to it not sent yet.
  const parents = await tx.parentalConsent.findMany({ where: { responseId: { in: responseIds } }, select: { parentEmail: true } });
  if (parents.length > 0) {
    await tx.outboxMail.deleteMany({ where: { kind: "optin.parental", toAddress: { in: parents.map((p) => p.parentEmail) }, status: { in: ["QUEUED", "KEPT", "FAILED"] } } });
    await tx.parentalConsent.deleteMany({ where: { responseId: { in: responseIds } } });
  }
  const { count } = await tx.response.updateMany({
    where: { id: { in: responseIds } },
    data: {
      contactId: null,
      data: "{}",
      dedupeKey: null,
      pageUrl: "",
      referrer: "",
      userAgent: "",
      ipHash: "",
      utmSource: "",
      utmMedium: "",
      utmCampaign: "",
      utmTerm: "",
      utmContent: "",
      fillMs: 0,
      rScore: null,
      fScore: null,
      mScore: null,
      segment: null,
      excludedReason: null,
      erasedAt: now,
    },
  });
  return count;
}
