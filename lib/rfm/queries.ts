import "server-only";
import { recordAudit } from "@/lib/audit";
import { db, type Db, type Tx } from "@/lib/db";
import { mayScore, profilingBasisOf, profilingConsentCounts, scoresToStore } from "./profiling";
import { storedAnswers } from "@/lib/submission/stored-answers";

/** Whose scores to bring in line: one person's entries, or a whole campaign's (its profiling purpose changed). */
type ScoreScope = { contactId: string } | { campaignId: string };

/**
 * Brings the stored scores of entries in line with the profiling rule
 * (lib/rfm/profiling.ts): computes them from the answers where they are
 * allowed now, removes them where they are not. Called inside the transaction
 * of whatever changed the rule's inputs: a confirmation, a parent's
 * agreement, a withdrawal, an objection, a change of the profiling purpose.
 * Returns how many entries changed.
 */
export async function refreshProfilingScores(client: Db | Tx, organisationId: string, scope: ScoreScope): Promise<number> {
  const responses = await client.response.findMany({
    where: { ...scope, contactId: "contactId" in scope ? scope.contactId : { not: null }, status: "ACCEPTED", erasedAt: null, campaign: { organisationId } },
    select: {
      id: true,
      data: true,
      contactId: true,
      rScore: true,
      fScore: true,
      mScore: true,
      segment: true,
      contact: { select: { profilingObjectedAt: true } },
      campaign: {
        select: {
          purposes: { select: { id: true, isProfiling: true } },
          questions: { where: { rfmTag: { not: null } }, select: { id: true, rfmTag: true, options: { select: { id: true, rfmScore: true } } } },
        },
      },
    },
  });
  const purposeIds = [...new Set(responses.flatMap((r) => r.campaign.purposes.filter((p) => p.isProfiling).map((p) => p.id)))];
  const ledger =
    purposeIds.length === 0
      ? []
      : await client.consentRecord.findMany({
          where: { organisationId, purposeId: { in: purposeIds }, ...("contactId" in scope ? { contactId: scope.contactId } : {}) },
          select: { id: true, contactId: true, purposeId: true, action: true, createdAt: true },
        });
  const ledgerOf = new Map<string, typeof ledger>();
  for (const record of ledger) ledgerOf.set(record.contactId, [...(ledgerOf.get(record.contactId) ?? []), record]);
  let changed = 0;
  for (const response of responses) {
    const basis = profilingBasisOf(response.campaign.purposes);
    const consentCounts = basis.kind === "CONSENT" && profilingConsentCounts(ledgerOf.get(response.contactId!) ?? [], basis.purposeId);
    const allowed = mayScore(basis, { consentCounts, objectedAt: response.contact?.profilingObjectedAt ?? null });
    const target = scoresToStore(allowed, response.campaign.questions, allowed ? storedAnswers(response.data) : {});
    if (target.rScore === response.rScore && target.fScore === response.fScore && target.mScore === response.mScore && target.segment === response.segment) continue;
    await client.response.update({ where: { id: response.id }, data: target });
    changed += 1;
  }
  return changed;
}

/**
 * The person objects to the scoring of their answers on legitimate interest
 * (art. 21): recorded on the contact (later entries are not scored either),
 * their scores removed at once, the audit log written. Repeating it is
 * harmless.
 */
export async function objectToProfiling(organisationId: string, contactId: string, actor: { userId: string | null; label: string }, now = new Date()): Promise<void> {
  await db.$transaction(async (tx) => {
    const objected = await tx.contact.updateMany({ where: { id: contactId, organisationId, erasedAt: null, profilingObjectedAt: null }, data: { profilingObjectedAt: now, lastInteractionAt: now } });
    if (objected.count === 0) return;
    const removed = await refreshProfilingScores(tx, organisationId, { contactId });
    await recordAudit(tx, { organisationId, userId: actor.userId, actorLabel: actor.label, action: "profiling.object", targetType: "contact", targetId: contactId, details: { removedScores: removed } });
  });
}

/** What the preference centre shows about the scoring of a person's answers on legitimate interest. */
export async function profilingObjection(organisationId: string, contactId: string): Promise<{ offered: boolean; objectedAt: Date | null }> {
  const [contact, scored] = await Promise.all([
    db.contact.findFirst({ where: { id: contactId, organisationId }, select: { profilingObjectedAt: true } }),
    scoredOnLegitimateInterest(organisationId, contactId),
  ]);
  const objectedAt = contact?.profilingObjectedAt ?? null;
  return { offered: scored || objectedAt !== null, objectedAt };
}

/** Whether some entry of the contact is scored on legitimate interest (the preference centre then offers to object). */
export async function scoredOnLegitimateInterest(organisationId: string, contactId: string): Promise<boolean> {
  const found = await db.response.findFirst({
    where: {
      contactId,
      status: "ACCEPTED",
      erasedAt: null,
      campaign: { organisationId, purposes: { none: { isProfiling: true } }, questions: { some: { rfmTag: { not: null } } } },
    },
    select: { id: true },
  });
  return found !== null;
}
