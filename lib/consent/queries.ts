import "server-only";
import { db } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import { inOrganisation } from "@/lib/orgs/scope";
import { currentConsents } from "./current";
import { type LedgerFilters, ledgerDayRange } from "./filters";

export const LEDGER_PAGE_SIZE = 50;

const ledgerSelect = {
  id: true,
  contactId: true,
  purposeId: true,
  purposeVersionId: true,
  wording: true,
  wordingHash: true,
  action: true,
  method: true,
  campaignId: true,
  responseId: true,
  pageUrl: true,
  utmSource: true,
  userAgent: true,
  ipHash: true,
  actorUserId: true,
  createdAt: true,
  contact: { select: { email: true, erasedAt: true } },
  purposeVersion: { select: { version: true } },
} satisfies Prisma.ConsentRecordSelect;

export type LedgerRow = Prisma.ConsentRecordGetPayload<{ select: typeof ledgerSelect }>;

function ledgerWhere(organisationId: string, f: Omit<LedgerFilters, "page">): Prisma.ConsentRecordWhereInput {
  const createdAt: Prisma.DateTimeFilter = ledgerDayRange(f.from, f.to);
  return {
    ...inOrganisation(organisationId),
    ...(f.action ? { action: f.action } : {}),
    ...(f.method ? { method: f.method } : {}),
    ...(f.campaignId ? { campaignId: f.campaignId } : {}),
    ...(f.purposeId ? { purposeId: f.purposeId } : {}),
    ...(f.email ? { contact: { email: { contains: f.email.toLowerCase() } } } : {}),
    ...(f.from || f.to ? { createdAt } : {}),
  };
}

/** One page of the organisation's ledger, newest first. */
export async function listLedger(organisationId: string, filters: LedgerFilters) {
  const where = ledgerWhere(organisationId, filters);
  const [rows, total] = await Promise.all([
    db.consentRecord.findMany({ where, select: ledgerSelect, orderBy: [{ createdAt: "desc" }, { id: "desc" }], skip: (filters.page - 1) * LEDGER_PAGE_SIZE, take: LEDGER_PAGE_SIZE }),
    db.consentRecord.count({ where }),
  ]);
  return { rows, total, pageSize: LEDGER_PAGE_SIZE };
}

/**
 * The whole filtered ledger in batches (keyset pagination on createdAt, id),
 * oldest first, so an audit export of any size keeps memory flat.
 */
export async function* ledgerBatches(organisationId: string, filters: Omit<LedgerFilters, "page">, batchSize = 1000): AsyncGenerator<LedgerRow[]> {
  const where = ledgerWhere(organisationId, filters);
  let cursor: { createdAt: Date; id: string } | null = null;
  for (;;) {
    const after: Prisma.ConsentRecordWhereInput = cursor
      ? { OR: [{ createdAt: { gt: cursor.createdAt } }, { createdAt: cursor.createdAt, id: { gt: cursor.id } }] }
      : {};
    const rows: LedgerRow[] = await db.consentRecord.findMany({ where: { AND: [where, after] }, select: ledgerSelect, orderBy: [{ createdAt: "asc" }, { id: "asc" }], take: batchSize });
    if (rows.length === 0) return;
    yield rows;
    const last = rows[rows.length - 1]!;
    cursor = { createdAt: last.createdAt, id: last.id };
    if (rows.length < batchSize) return;
  }
}

/** A contact's full history (optionally for one campaign), newest first, with the purpose's campaign. */
export async function contactLedger(organisationId: string, contactId: string, campaignId?: string) {
  return db.consentRecord.findMany({
    where: { ...inOrganisation(organisationId), contactId, ...(campaignId ? { campaignId } : {}) },
    select: { ...ledgerSelect, purpose: { select: { campaign: { select: { id: true, title: true } } } } },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
  });
}
export type ContactLedgerRow = Awaited<ReturnType<typeof contactLedger>>[number];

/**
 * A contact's current consents with the wording last shown for each purpose,
 * and the campaign it belongs to (preference centre, contact page).
 */
export async function contactCurrentConsents(organisationId: string, contactId: string) {
  const records = await db.consentRecord.findMany({
    where: { ...inOrganisation(organisationId), contactId },
    select: { id: true, purposeId: true, purposeVersionId: true, wording: true, wordingHash: true, action: true, createdAt: true, purpose: { select: { campaign: { select: { id: true, title: true } } } } },
  });
  const current = currentConsents(records);
  // The wording to show is the one the person agreed to: the newest GRANT/CONFIRM's.
  return [...current.values()]
    .map((c) => {
      const agreed = records.filter((r) => r.purposeId === c.purposeId && r.action !== "WITHDRAW").sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime())[0] ?? c.latest;
      return { ...c, wording: agreed.wording, purposeVersionId: agreed.purposeVersionId, wordingHash: agreed.wordingHash, campaign: c.latest.purpose.campaign };
    })
    .sort((a, b) => a.campaign.title.localeCompare(b.campaign.title) || a.wording.localeCompare(b.wording));
}

/** Campaign titles of the organisation, for the ledger filter. */
export async function ledgerCampaigns(organisationId: string) {
  return db.campaign.findMany({
    where: inOrganisation(organisationId),
    select: { id: true, title: true, purposes: { orderBy: { position: "asc" }, select: { id: true, versions: { orderBy: { version: "desc" }, take: 1, select: { wording: true } } } } },
    orderBy: { createdAt: "desc" },
  });
}
