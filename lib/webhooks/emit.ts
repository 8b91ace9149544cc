import "server-only";
import type { Tx } from "@/lib/db";
import { forgetContactEvents, queueWebhookEvent } from "./queue";
import type { ConsentWithdrawnData } from "./payloads";

// The four events, built where they happen (inside their transaction) from
// what the caller already holds, plus the least that must be read. Each one
// carries only what its receiver needs: see docs/webhooks.md.

type Purpose = { purposeId: string; wording: string; wordingHash: string };
const purposesOf = (list: readonly Purpose[]) => list.map((p) => ({ id: p.purposeId, wording: p.wording, wordingHash: p.wordingHash }));

/** An entry's confirmation made these purposes count: the lead, with the identity the contact now has. Nothing when no purpose was confirmed. */
export async function emitLeadConfirmed(tx: Tx, input: { organisationId: string; contactId: string; responseId: string; campaignId: string; source: string; purposes: readonly Purpose[]; at: Date }): Promise<void> {
  if (input.purposes.length === 0) return;
  const [contact, campaign] = await Promise.all([
    tx.contact.findUniqueOrThrow({ where: { id: input.contactId }, select: { email: true, firstName: true, lastName: true, phone: true, postalCode: true, locale: true } }),
    tx.campaign.findUniqueOrThrow({ where: { id: input.campaignId }, select: { id: true, title: true } }),
  ]);
  await queueWebhookEvent(
    tx,
    input.organisationId,
    "lead.confirmed",
    // Never the birth date (a minor's must not leave) nor the answers: the CSV export has them under its own rules.
    { contactId: input.contactId, responseId: input.responseId, ...contact, campaign, source: input.source, confirmedAt: input.at.toISOString(), purposes: purposesOf(input.purposes) },
    { contactId: input.contactId, at: input.at },
  );
}

/**
 * Consents withdrawn: told only about an address that was confirmed (a CRM
 * never received an unconfirmed one, and an unconfirmed address may not be
 * the person's).
 */
export async function emitConsentWithdrawn(tx: Tx, input: { organisationId: string; contactId: string; method: ConsentWithdrawnData["method"]; purposes: readonly Purpose[]; at: Date }): Promise<void> {
  if (input.purposes.length === 0) return;
  const contact = await tx.contact.findUniqueOrThrow({ where: { id: input.contactId }, select: { email: true, emailConfirmedAt: true, erasedAt: true } });
  if (!contact.emailConfirmedAt || contact.erasedAt) return;
  await queueWebhookEvent(
    tx,
    input.organisationId,
    "consent.withdrawn",
    { contactId: input.contactId, email: contact.email, method: input.method, withdrawnAt: input.at.toISOString(), purposes: purposesOf(input.purposes) },
    { contactId: input.contactId, at: input.at },
  );
}

/**
 * Before a contact's data is blanked: the events still naming them are taken
 * back, and the erasure is announced (only for a confirmed address, as above)
 * with the address and id, nothing else.
 */
export async function emitContactErased(tx: Tx, input: { organisationId: string; contactId: string; email: string; wasConfirmed: boolean; reason: "ERASURE" | "RETENTION"; at: Date }): Promise<void> {
  await forgetContactEvents(tx, input.organisationId, input.contactId);
  if (!input.wasConfirmed) return;
  await queueWebhookEvent(
    tx,
    input.organisationId,
    "contact.erased",
    { contactId: input.contactId, email: input.email, reason: input.reason, erasedAt: input.at.toISOString() },
    { contactId: input.contactId, at: input.at },
  );
}

/** A draw was run: what lets anyone verify it, no winner's data. */
export async function emitDrawCompleted(
  tx: Tx,
  input: { organisationId: string; drawId: string; campaign: { id: string; title: string }; sequence: number; redraw: boolean; at: Date; eligibleCount: number; eligibleHash: string; winnersCount: number; alternatesCount: number },
): Promise<void> {
  const { organisationId, at, ...rest } = input;
  await queueWebhookEvent(tx, organisationId, "draw.completed", { ...rest, drawnAt: at.toISOString() }, { at });
}
