import "server-only";
import { recordAudit } from "@/lib/audit";
import { checkpointAfterErasure, db } from "@/lib/db";
import { anonymiseContact, stripEntries } from "@/lib/rights/anonymise";
import { addMonths, retentionExpired, retentionMonthsFor, unconfirmedCutoff } from "./dates";
import type { AuditActor } from "@/lib/audit/actors";

type OrganisationPurge = {
  organisationId: string;
  /** Unconfirmed entries deleted (double opt-in never completed in time) */
  unconfirmedEntriesDeleted: number;
  /** Contacts left with nothing but unconfirmed entries, anonymised */
  unconfirmedContactsAnonymised: number;
  /** Contacts whose retention period since their last interaction has passed, anonymised */
  expiredContactsAnonymised: number;
  /** Rejected (bot) entries stripped of their data after the unconfirmed delay */
  rejectedEntriesStripped: number;
};

export type PurgeReport = { at: string; organisations: OrganisationPurge[]; totals: Omit<OrganisationPurge, "organisationId"> };

const BATCH = 200;

/**
 * The retention job, for every organisation: deletes unconfirmed entries older
 * than their campaign's delay (campaigns that require confirmation), anonymises
 * the contacts they leave behind, strips rejected (bot) entries of their data
 * after the same delay (every campaign), and anonymises contacts whose retention
 * has run out since their last interaction. The consent ledger is never touched
 * (anonymisation appends to it). Idempotent: a second run finds nothing to do.
 * Writes one audit entry per organisation where something was done.
 */
export async function runPurge(now = new Date()): Promise<PurgeReport> {
  const organisations = await db.organisation.findMany({ select: { id: true, retentionMonths: true } });
  const results: OrganisationPurge[] = [];
  for (const org of organisations) {
    const result: OrganisationPurge = { organisationId: org.id, unconfirmedEntriesDeleted: 0, unconfirmedContactsAnonymised: 0, expiredContactsAnonymised: 0, rejectedEntriesStripped: 0 };
    await purgeUnconfirmed(org.id, now, result);
    await purgeRejected(org.id, now, result);
    await purgeExpired(org, now, result);
    if (result.unconfirmedEntriesDeleted + result.unconfirmedContactsAnonymised + result.expiredContactsAnonymised + result.rejectedEntriesStripped > 0) {
      await recordAudit(db, { organisationId: org.id, actorLabel: "SYSTEM" satisfies AuditActor, action: "retention.purge", targetType: "organisation", targetId: org.id, details: { ...result, organisationId: undefined, at: now.toISOString() } });
    }
    results.push(result);
  }
  const totals = { unconfirmedEntriesDeleted: 0, unconfirmedContactsAnonymised: 0, expiredContactsAnonymised: 0, rejectedEntriesStripped: 0 };
  for (const r of results) {
    totals.unconfirmedEntriesDeleted += r.unconfirmedEntriesDeleted;
    totals.unconfirmedContactsAnonymised += r.unconfirmedContactsAnonymised;
    totals.expiredContactsAnonymised += r.expiredContactsAnonymised;
    totals.rejectedEntriesStripped += r.rejectedEntriesStripped;
  }
  // What was deleted or anonymised must not survive in the WAL.
  if (Object.values(totals).some((n) => n > 0)) await checkpointAfterErasure();
  return { at: now.toISOString(), organisations: results, totals };
}

async function purgeUnconfirmed(organisationId: string, now: Date, result: OrganisationPurge): Promise<void> {
  const campaigns = await db.campaign.findMany({ where: { organisationId, requireConfirmation: true }, select: { id: true, unconfirmedPurgeDays: true } });
  for (const campaign of campaigns) {
    const cutoff = unconfirmedCutoff(campaign.unconfirmedPurgeDays, now);
    for (;;) {
      const batch = await db.response.findMany({
        where: { campaignId: campaign.id, confirmedAt: null, submittedAt: { lte: cutoff } },
        select: { id: true, contactId: true },
        take: BATCH,
      });
      if (batch.length === 0) break;
      await db.$transaction(async (tx) => {
        // Answers and tokens go with the entry (cascade); ledger rows only name it and stay.
        const deleted = await tx.response.deleteMany({ where: { id: { in: batch.map((r) => r.id) }, confirmedAt: null } });
        result.unconfirmedEntriesDeleted += deleted.count;
        const contactIds = [...new Set(batch.map((r) => r.contactId).filter((id): id is string => id !== null))];
        for (const contactId of contactIds) {
          const contact = await tx.contact.findUnique({ where: { id: contactId }, select: { emailConfirmedAt: true, erasedAt: true, _count: { select: { responses: true } } } });
          if (!contact || contact.erasedAt || contact.emailConfirmedAt || contact._count.responses > 0) continue;
          if (await anonymiseContact(tx, contactId, "RETENTION", now)) result.unconfirmedContactsAnonymised += 1;
        }
      });
      if (batch.length < BATCH) break;
    }
  }
}

/**
 * Rejected entries (honeypot, too fast) are kept to count abuse, not to reach
 * anyone: after the campaign's unconfirmed delay they lose their answers and
 * technical data, whatever the campaign's confirmation setting.
 */
async function purgeRejected(organisationId: string, now: Date, result: OrganisationPurge): Promise<void> {
  const campaigns = await db.campaign.findMany({ where: { organisationId }, select: { id: true, unconfirmedPurgeDays: true } });
  for (const campaign of campaigns) {
    const cutoff = unconfirmedCutoff(campaign.unconfirmedPurgeDays, now);
    for (;;) {
      const batch = await db.response.findMany({ where: { campaignId: campaign.id, status: "REJECTED", erasedAt: null, submittedAt: { lte: cutoff } }, select: { id: true }, take: BATCH });
      if (batch.length === 0) break;
      result.rejectedEntriesStripped += await db.$transaction((tx) => stripEntries(tx, batch.map((r) => r.id), now));
      if (batch.length < BATCH) break;
    }
  }
}

async function purgeExpired(org: { id: string; retentionMonths: number }, now: Date, result: OrganisationPurge): Promise<void> {
  const periods = await db.campaign.findMany({ where: { organisationId: org.id }, select: { retentionMonths: true } });
  const shortest = Math.min(org.retentionMonths, ...periods.map((p) => p.retentionMonths));
  // Only contacts idle for at least the shortest period can have expired.
  const idleSince = addMonths(now, -shortest);
  let cursor: string | undefined;
  for (;;) {
    const candidates = await db.contact.findMany({
      where: { organisationId: org.id, erasedAt: null, lastInteractionAt: { lte: idleSince } },
      select: { id: true, lastInteractionAt: true, responses: { select: { campaign: { select: { retentionMonths: true } } } } },
      orderBy: { id: "asc" },
      take: BATCH,
      ...(cursor ? { cursor: { id: cursor }, skip: 1 } : {}),
    });
    if (candidates.length === 0) break;
    const expired = candidates.filter((c) => retentionExpired(c.lastInteractionAt, retentionMonthsFor(c.responses.map((r) => r.campaign.retentionMonths), org.retentionMonths), now));
    for (const contact of expired) {
      const done = await db.$transaction((tx) => anonymiseContact(tx, contact.id, "RETENTION", now));
      if (done) result.expiredContactsAnonymised += 1;
    }
    cursor = candidates[candidates.length - 1]!.id;
    if (candidates.length < BATCH) break;
  }
}
