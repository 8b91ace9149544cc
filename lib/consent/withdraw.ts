import "server-only";
import { recordAudit } from "@/lib/audit";
import { db } from "@/lib/db";
import { refreshProfilingScores } from "@/lib/rfm/queries";
import { emitConsentWithdrawn } from "@/lib/webhooks/emit";
import { currentConsents } from "./current";
import { type ConsentMethod, recordConsents } from "./ledger";

type WithdrawInput = {
  organisationId: string;
  contactId: string;
  /** One purpose, or every purpose the contact still consents to */
  purposeId?: string;
  method: Extract<ConsentMethod, "PREFERENCE_CENTRE" | "UNSUBSCRIBE_LINK" | "ADMIN">;
  userAgent?: string;
  ipHash?: string;
  pageUrl?: string;
  actor: { userId: string | null; label: string };
};

/**
 * Withdraws consent, effective at once: appends a WITHDRAW record (with the
 * wording the person had agreed to) for each targeted purpose still consented,
 * and writes the audit log. Returns how many purposes were withdrawn (0 when
 * there was nothing to withdraw: repeating it is harmless).
 */
export async function withdrawConsents(input: WithdrawInput, now = new Date()): Promise<number> {
  return db.$transaction(async (tx) => {
    const ledger = await tx.consentRecord.findMany({
      where: { organisationId: input.organisationId, contactId: input.contactId, ...(input.purposeId ? { purposeId: input.purposeId } : {}) },
      select: { id: true, purposeId: true, purposeVersionId: true, wording: true, wordingHash: true, action: true, createdAt: true, campaignId: true },
    });
    const targets = [...currentConsents(ledger).values()].filter((c) => c.consenting);
    if (targets.length === 0) return 0;
    await recordConsents(
      tx,
      targets.map((c) => ({
        organisationId: input.organisationId,
        contactId: input.contactId,
        purposeId: c.purposeId,
        purposeVersionId: c.latest.purposeVersionId,
        wording: c.latest.wording,
        wordingHash: c.latest.wordingHash,
        action: "WITHDRAW" as const,
        method: input.method,
        campaignId: c.latest.campaignId,
        pageUrl: input.pageUrl ?? "",
        userAgent: (input.userAgent ?? "").slice(0, 500),
        ipHash: input.ipHash ?? "",
        actorUserId: input.actor.userId,
      })),
    );
    await tx.contact.update({ where: { id: input.contactId }, data: { lastInteractionAt: now } });
    // A withdrawn profiling consent takes the scores with it.
    await refreshProfilingScores(tx, input.organisationId, { contactId: input.contactId });
    // The CRM must stop too: the withdrawal's event is queued with it, or neither is.
    await emitConsentWithdrawn(tx, { organisationId: input.organisationId, contactId: input.contactId, method: input.method, purposes: targets.map((c) => ({ purposeId: c.purposeId, wording: c.latest.wording, wordingHash: c.latest.wordingHash })), at: now });
    await recordAudit(tx, {
      organisationId: input.organisationId,
      userId: input.actor.userId,
      actorLabel: input.actor.label,
      action: "consent.withdraw",
      targetType: "contact",
      targetId: input.contactId,
      details: { method: input.method, purposes: targets.map((t) => t.purposeId) },
    });
    return targets.length;
  });
}
