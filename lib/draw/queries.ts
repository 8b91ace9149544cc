import "server-only";
import { db, type Db, type Tx } from "@/lib/db";
import { recordAudit } from "@/lib/audit";
import { Invalid, NotFound } from "@/lib/errors";
import type { Member } from "@/lib/auth/session";
import { inOrganisation } from "@/lib/orgs/scope";
import { windowState } from "@/lib/campaigns/time-window";
import { eligibleEntries, eligibleIdsSql, type DrawCandidate, type EligibilityReport } from "./eligibility";
import { hashEligible, runDraw, verifyDraw, type Verification } from "./draw";
import type { ExcludeEntryInput } from "./schemas";
import { emitDrawCompleted } from "@/lib/webhooks/emit";

type Client = Db | Tx;
type CampaignRow = NonNullable<Awaited<ReturnType<typeof db.campaign.findFirst>>>;

/** A campaign of the member's organisation (404 otherwise), inside the caller's transaction. */
export async function campaignOf(client: Client, organisationId: string, campaignId: string): Promise<CampaignRow> {
  const campaign = await client.campaign.findFirst({ where: { id: campaignId, ...inOrganisation(organisationId) } });
  if (!campaign) throw new NotFound("errors.campaignNotFound");
  return campaign;
}

/** Only a published (or archived) contest whose entry window is over can be drawn. */
export function drawBlocker(campaign: Pick<CampaignRow, "kind" | "status" | "opensAt" | "closesAt" | "closedManuallyAt">, now = new Date()) {
  if (campaign.kind !== "CONTEST") return "draw.errors.notContest";
  if (campaign.status === "DRAFT") return "draw.errors.draft";
  if (windowState(campaign, now) !== "CLOSED") return "draw.errors.stillOpen";
  return null;
}

/** Every entry of a campaign with what the eligibility rules look at (one join: 100,000 rows stay cheap). */
export async function loadCandidates(client: Client, campaignId: string): Promise<DrawCandidate[]> {
  const rows = await client.$queryRaw<(Omit<DrawCandidate, "ageOk"> & { ageOk: boolean | number | bigint })[]>`
    SELECT r."id", r."contactId", r."status", r."submittedAt", r."confirmedAt", r."ageOk", r."erasedAt", r."excludedAt",
      c."erasedAt" AS "contactErasedAt"
    FROM "Response" r LEFT JOIN "Contact" c ON c."id" = r."contactId"
    WHERE r."campaignId" = ${campaignId}`;
  const date = (v: Date | string | null) => (v === null ? null : new Date(v));
  return rows.map((r) => ({
    ...r,
    submittedAt: new Date(r.submittedAt),
    confirmedAt: date(r.confirmedAt),
    erasedAt: date(r.erasedAt),
    excludedAt: date(r.excludedAt),
    contactErasedAt: date(r.contactErasedAt),
    ageOk: r.ageOk === true || Number(r.ageOk) === 1,
  }));
}

/** The eligible list as it would be drawn now. */
export async function eligibilityNow(client: Client, campaign: Pick<CampaignRow, "id" | "requireConfirmation">): Promise<EligibilityReport> {
  return eligibleEntries(await loadCandidates(client, campaign.id), { requireConfirmation: campaign.requireConfirmation });
}

/** The eligible ids in canonical order, computed by the database (the SQL twin in eligibility.ts). */
export async function eligibleIdsNow(client: Client, campaign: Pick<CampaignRow, "id" | "requireConfirmation">): Promise<string[]> {
  const rows = await client.$queryRaw<{ id: string }[]>(eligibleIdsSql(campaign.id, campaign.requireConfirmation));
  return rows.map((r) => r.id);
}

/**
 * Runs the draw of a closed contest, or a redraw: a redraw needs a written
 * reason, marks the previous draw superseded and keeps it. The eligible list,
 * its hash, the seed and the algorithm are stored so anyone can replay it.
 */
export async function performDraw(member: Member, campaignId: string, reason = ""): Promise<{ drawId: string; sequence: number }> {
  try {
    return await db.$transaction(
      async (tx) => {
        const campaign = await campaignOf(tx, member.organisationId, campaignId);
        const blocker = drawBlocker(campaign);
        if (blocker) throw new Invalid(blocker);
        if (campaign.winnersCount < 1) throw new Invalid("draw.errors.noWinnerCount");
        const previous = await tx.draw.findFirst({ where: { campaignId, supersededAt: null }, select: { id: true } });
        if (previous && reason.trim().length < 5) throw new Invalid("draw.errors.reasonRequired", { reason: "errors.reasonTooShort" });
        const last = await tx.draw.aggregate({ where: { campaignId }, _max: { sequence: true } });
        const sequence = (last._max.sequence ?? 0) + 1;
        const eligibleIds = await eligibleIdsNow(tx, campaign);
        if (eligibleIds.length === 0) throw new Invalid("draw.errors.nobodyEligible");
        const outcome = runDraw(eligibleIds, campaign.winnersCount, campaign.alternatesCount);
        const now = new Date();
        if (previous) await tx.draw.update({ where: { id: previous.id }, data: { supersededAt: now } });
        const draw = await tx.draw.create({
          data: {
            campaignId,
            sequence,
            algorithm: outcome.algorithm,
            seed: outcome.seed,
            eligibleIds: JSON.stringify(eligibleIds),
            eligibleHash: outcome.eligibleHash,
            eligibleCount: eligibleIds.length,
            winnersCount: campaign.winnersCount,
            alternatesCount: campaign.alternatesCount,
            reason: reason.trim(),
            createdById: member.userId,
            createdAt: now,
          },
          select: { id: true },
        });
        await tx.drawEntry.createMany({
          data: [
            ...outcome.winners.map((responseId, i) => ({ drawId: draw.id, responseId, role: "WINNER", rank: i + 1 })),
            ...outcome.alternates.map((responseId, i) => ({ drawId: draw.id, responseId, role: "ALTERNATE", rank: i + 1 })),
          ],
        });
        await emitDrawCompleted(tx, {
          organisationId: member.organisationId,
          drawId: draw.id,
          campaign: { id: campaign.id, title: campaign.title },
          sequence,
          redraw: previous !== null,
          at: now,
          eligibleCount: eligibleIds.length,
          eligibleHash: outcome.eligibleHash,
          winnersCount: campaign.winnersCount,
          alternatesCount: campaign.alternatesCount,
        });
        await recordAudit(tx, {
          organisationId: member.organisationId,
          userId: member.userId,
          actorLabel: member.email,
          action: previous ? "draw.redraw" : "draw.run",
          targetType: "draw",
          targetId: draw.id,
          details: {
            campaignId,
            sequence,
            algorithm: outcome.algorithm,
            seed: outcome.seed,
            eligibleCount: eligibleIds.length,
            eligibleHash: outcome.eligibleHash,
            winners: outcome.winners,
            alternates: outcome.alternates,
            ...(previous ? { reason: reason.trim(), supersedes: previous.id } : {}),
          },
        });
        return { drawId: draw.id, sequence };
      },
      { timeout: 60_000, maxWait: 10_000 },
    );
  } catch (error) {
    // Two draws started together: the unique (campaignId, sequence) lets one win.
    if ((error as { code?: string }).code === "P2002") throw new Invalid("draw.errors.concurrent");
    throw error;
  }
}

/** The campaign's draws, newest first, with who ran them. */
export async function listDraws(member: Member, campaignId: string) {
  await campaignOf(db, member.organisationId, campaignId);
  const draws = await db.draw.findMany({
    where: { campaignId },
    orderBy: { sequence: "desc" },
    select: { id: true, sequence: true, algorithm: true, seed: true, eligibleHash: true, eligibleCount: true, winnersCount: true, alternatesCount: true, reason: true, createdById: true, createdAt: true, supersededAt: true },
  });
  const users = await db.user.findMany({ where: { id: { in: [...new Set(draws.map((d) => d.createdById))] } }, select: { id: true, email: true } });
  const byId = new Map(users.map((u) => [u.id, u.email]));
  return draws.map((d) => ({ ...d, createdBy: byId.get(d.createdById) ?? "—" }));
}

/** Winners and alternates of a draw with who they are (for draw.run roles only). */
export async function drawResults(member: Member, campaignId: string, drawId: string) {
  await campaignOf(db, member.organisationId, campaignId);
  const draw = await db.draw.findFirst({ where: { id: drawId, campaignId }, select: { id: true } });
  if (!draw) throw new NotFound("errors.drawNotFound");
  return db.drawEntry.findMany({
    where: { drawId },
    orderBy: [{ role: "desc" }, { rank: "asc" }],
    select: {
      role: true,
      rank: true,
      response: {
        select: {
          id: true,
          submittedAt: true,
          excludedAt: true,
          erasedAt: true,
          contact: { select: { email: true, firstName: true, lastName: true, phone: true, erasedAt: true } },
        },
      },
    },
  });
}

/** The active (not superseded) draw of a campaign, if any — without its eligible list (megabytes at 100,000 entries). */
export function activeDraw(client: Client, campaignId: string) {
  return client.draw.findFirst({
    where: { campaignId, supersededAt: null },
    orderBy: { sequence: "desc" },
    select: { id: true, sequence: true, algorithm: true, seed: true, eligibleHash: true, eligibleCount: true, winnersCount: true, alternatesCount: true, reason: true, createdById: true, createdAt: true },
  });
}

type DrawCheck = Verification & { sequence: number; listStillCurrent: boolean };

/**
 * Verifies a stored draw from its stored data (hash, count, replay of the
 * seed), and says whether the eligible list would be the same today (it
 * changes legitimately when an entrant is erased or excluded afterwards).
 */
export async function checkDraw(member: Member, campaignId: string, drawId: string): Promise<DrawCheck> {
  const campaign = await campaignOf(db, member.organisationId, campaignId);
  const draw = await db.draw.findFirst({ where: { id: drawId, campaignId }, include: { entries: { select: { responseId: true, role: true, rank: true } } } });
  if (!draw) throw new NotFound("errors.drawNotFound");
  const verification = verifyDraw({ ...draw, eligibleIdsJson: draw.eligibleIds });
  const now = await eligibleIdsNow(db, campaign);
  const result = { ...verification, sequence: draw.sequence, listStillCurrent: hashEligible(now) === draw.eligibleHash };
  await recordAudit(db, { organisationId: member.organisationId, userId: member.userId, actorLabel: member.email, action: "draw.verify", targetType: "draw", targetId: draw.id, details: { campaignId, ok: result.ok, problems: result.problems, listStillCurrent: result.listStillCurrent } });
  return result;
}

/** Excludes an entry from the draw by hand, with a written reason, logged. */
export async function excludeEntry(member: Member, input: ExcludeEntryInput): Promise<void> {
  await db.$transaction(async (tx) => {
    const campaign = await campaignOf(tx, member.organisationId, input.campaignId);
    const response = await tx.response.findFirst({ where: { id: input.responseId, campaignId: campaign.id }, select: { id: true, excludedAt: true, status: true } });
    if (!response) throw new NotFound("errors.entryNotFound");
    if (response.excludedAt) throw new Invalid("draw.errors.alreadyExcluded");
    const now = new Date();
    await tx.response.update({ where: { id: response.id }, data: { excludedAt: now, excludedReason: input.reason, excludedById: member.userId } });
    const picked = await tx.drawEntry.findFirst({ where: { responseId: response.id, draw: { supersededAt: null } }, select: { role: true } });
    await recordAudit(tx, { organisationId: member.organisationId, userId: member.userId, actorLabel: member.email, action: "draw.exclude", targetType: "response", targetId: response.id, details: { campaignId: campaign.id, reason: input.reason, wasPicked: picked?.role ?? null } });
  });
}

/** Lifts a hand-made exclusion (a mistake, a reason that no longer holds), with a written reason, logged. */
export async function reinstateEntry(member: Member, input: ExcludeEntryInput): Promise<void> {
  await db.$transaction(async (tx) => {
    const campaign = await campaignOf(tx, member.organisationId, input.campaignId);
    const response = await tx.response.findFirst({ where: { id: input.responseId, campaignId: campaign.id }, select: { id: true, excludedAt: true, excludedReason: true } });
    if (!response) throw new NotFound("errors.entryNotFound");
    if (!response.excludedAt) throw new Invalid("draw.errors.notExcluded");
    await tx.response.update({ where: { id: response.id }, data: { excludedAt: null, excludedReason: null, excludedById: null } });
    await recordAudit(tx, { organisationId: member.organisationId, userId: member.userId, actorLabel: member.email, action: "draw.reinstate", targetType: "response", targetId: response.id, details: { campaignId: campaign.id, reason: input.reason, excludedAt: response.excludedAt, excludedReason: response.excludedReason } });
  });
}

/** Entries excluded by hand, with the reason and who excluded them. */
export async function listExclusions(member: Member, campaignId: string) {
  await campaignOf(db, member.organisationId, campaignId);
  const rows = await db.response.findMany({
    where: { campaignId, excludedAt: { not: null } },
    orderBy: { excludedAt: "desc" },
    select: { id: true, excludedAt: true, excludedReason: true, excludedById: true, contact: { select: { email: true } } },
  });
  const users = await db.user.findMany({ where: { id: { in: [...new Set(rows.map((r) => r.excludedById ?? ""))] } }, select: { id: true, email: true } });
  const byId = new Map(users.map((u) => [u.id, u.email]));
  return rows.map((r) => ({ ...r, excludedBy: byId.get(r.excludedById ?? "") ?? "—" }));
}
