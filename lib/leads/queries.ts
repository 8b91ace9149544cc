import "server-only";
import { db } from "@/lib/db";
import { foldForSearch } from "@/lib/text/fold";
import { Prisma } from "@/lib/generated/prisma/client";
import { NotFound } from "@/lib/errors";
import { inOrganisation } from "@/lib/orgs/scope";
import { consentingNowSql } from "@/lib/consent/current";
import { fromZonedInput } from "@/lib/time-zone";
import { answerText, type AnswerWords } from "@/lib/export/rows";
import { answerWords } from "@/lib/export/queries";
import { DEFAULT_LOCALE } from "@/lib/i18n/config";
import { eligibleAtDrawSql } from "@/lib/draw/eligibility";
import { PAGE_SIZE, type LeadFilters } from "./filters";

export type LeadDrawStatus = "WINNER" | "ALTERNATE" | "LOSER" | null;

export type LeadRow = {
  id: string;
  campaignId: string;
  campaignTitle: string;
  email: string;
  firstName: string;
  lastName: string;
  submittedAt: Date;
  confirmed: boolean;
  rScore: number | null;
  fScore: number | null;
  mScore: number | null;
  segment: string | null;
  utmSource: string;
  excluded: boolean;
  drawStatus: LeadDrawStatus;
};

const TIME_ZONE = "Europe/Paris";

/** "Loser": eligible when the active draw ran (see lib/draw/eligibility.ts) and not picked. */
const LOSER = Prisma.sql`(ad."id" IS NOT NULL AND pick."role" IS NULL AND ${eligibleAtDrawSql(Prisma.sql`ad."createdAt"`, Prisma.sql`camp."requireConfirmation"`)})`;

/** The entry itself was confirmed (another entry's confirmation of the same address proves nothing about this one). */
const CONFIRMED = Prisma.sql`r."confirmedAt" IS NOT NULL`;

/** Sort expressions by key (a whitelist: nothing from the URL reaches the SQL text), and whether they can be null. */
const SORTS: Record<LeadFilters["sort"], { sql: Prisma.Sql; nullable: boolean }> = {
  submittedAt: { sql: Prisma.sql`r."submittedAt"`, nullable: false },
  email: { sql: Prisma.sql`c."email"`, nullable: true },
  lastName: { sql: Prisma.sql`fold(c."lastName")`, nullable: true }, // "Émile" sorts with the E
  segment: { sql: Prisma.sql`r."segment"`, nullable: true },
  rScore: { sql: Prisma.sql`r."rScore"`, nullable: true },
  fScore: { sql: Prisma.sql`r."fScore"`, nullable: true },
  mScore: { sql: Prisma.sql`r."mScore"`, nullable: true },
};

/** ORDER BY for a sort: nulls last on both databases; a non-null column sorts bare, so an index can serve it. */
function orderBy(filters: LeadFilters): Prisma.Sql {
  const { sql, nullable } = SORTS[filters.sort];
  const dir = filters.dir === "asc" ? Prisma.sql`ASC` : Prisma.sql`DESC`;
  return nullable ? Prisma.sql`CASE WHEN ${sql} IS NULL THEN 1 ELSE 0 END, ${sql} ${dir}, r."id" ${dir}` : Prisma.sql`${sql} ${dir}, r."id" ${dir}`;
}

function conditions(organisationId: string, campaignId: string | undefined, f: LeadFilters): Prisma.Sql {
  const parts: Prisma.Sql[] = [
    Prisma.sql`camp."organisationId" = ${organisationId}`,
    Prisma.sql`r."status" = 'ACCEPTED'`,
    Prisma.sql`r."erasedAt" IS NULL`,
  ];
  const scopeCampaign = campaignId ?? f.campaign;
  if (scopeCampaign) parts.push(Prisma.sql`r."campaignId" = ${scopeCampaign}`);
  if (f.q) {
    // fold() (lib/db.ts): "elodie" finds "Élodie", "DUPRE" finds "Dupré".
    const like = `%${foldForSearch(f.q).replace(/[\\%_]/g, (ch) => `\\${ch}`)}%`;
    parts.push(Prisma.sql`(fold(c."email") LIKE ${like} ESCAPE '\\' OR fold(c."firstName") LIKE ${like} ESCAPE '\\' OR fold(c."lastName") LIKE ${like} ESCAPE '\\' OR c."phone" LIKE ${like} ESCAPE '\\' OR c."postalCode" LIKE ${like} ESCAPE '\\')`);
  }
  if (f.segment) parts.push(Prisma.sql`r."segment" = ${f.segment}`);
  if (f.r) parts.push(Prisma.sql`r."rScore" = ${f.r}`);
  if (f.f) parts.push(Prisma.sql`r."fScore" = ${f.f}`);
  if (f.m) parts.push(Prisma.sql`r."mScore" = ${f.m}`);
  if (f.confirmed === "yes") parts.push(CONFIRMED);
  if (f.confirmed === "no") parts.push(Prisma.sql`NOT ${CONFIRMED}`);
  if (f.draw === "winner") parts.push(Prisma.sql`pick."role" = 'WINNER'`);
  if (f.draw === "alternate") parts.push(Prisma.sql`pick."role" = 'ALTERNATE'`);
  if (f.draw === "loser") parts.push(LOSER);
  if (f.source) parts.push(Prisma.sql`r."utmSource" = ${f.source === "direct" ? "" : f.source}`);
  const from = f.from ? fromZonedInput(`${f.from}T00:00`, TIME_ZONE) : null;
  const to = f.to ? fromZonedInput(`${f.to}T00:00`, TIME_ZONE) : null;
  if (from) parts.push(Prisma.sql`r."submittedAt" >= ${from}`);
  if (to) parts.push(Prisma.sql`r."submittedAt" < ${new Date(to.getTime() + 86_400_000)}`);
  if (f.purpose) parts.push(consentingNowSql(Prisma.sql`r."contactId"`, f.purpose));
  return Prisma.join(parts, " AND ");
}

const FROM = Prisma.sql`FROM "Response" r
  JOIN "Campaign" camp ON camp."id" = r."campaignId"
  LEFT JOIN "Contact" c ON c."id" = r."contactId"
  LEFT JOIN active_draw ad ON ad."campaignId" = r."campaignId"
  LEFT JOIN "DrawEntry" pick ON pick."drawId" = ad."id" AND pick."responseId" = r."id"`;

/**
 * The draws in force of the organisation's campaigns, read once per query
 * (MATERIALIZED, SQLite ≥ 3.35 and PostgreSQL ≥ 12): a Draw row stores its
 * whole eligible list before "supersededAt", so reading it once per lead
 * would walk megabytes per row.
 */
function activeDrawCte(organisationId: string, campaignId: string | undefined): Prisma.Sql {
  const scope = campaignId ? Prisma.sql`AND d."campaignId" = ${campaignId}` : Prisma.empty;
  return Prisma.sql`active_draw AS MATERIALIZED (
    SELECT d."id", d."campaignId", d."createdAt" FROM "Draw" d JOIN "Campaign" dc ON dc."id" = d."campaignId"
    WHERE dc."organisationId" = ${organisationId} AND d."supersededAt" IS NULL ${scope}
  )`;
}

type RawLead = Omit<LeadRow, "confirmed" | "excluded" | "drawStatus" | "rScore" | "fScore" | "mScore"> & {
  confirmed: number | bigint | boolean;
  excluded: number | bigint | boolean;
  drawStatus: string | null;
  rScore: number | bigint | null;
  fScore: number | bigint | null;
  mScore: number | bigint | null;
};

const num = (v: number | bigint | null) => (v === null ? null : Number(v));

/**
 * One page of leads (accepted, non-erased entries) of an organisation, or of
 * one of its campaigns: filtered, searched and sorted by the database.
 */
/** One page of the leads table. */
export type LeadsPage = { rows: LeadRow[]; total: number; pageSize: number };

export async function listLeads(organisationId: string, filters: LeadFilters, campaignId?: string): Promise<LeadsPage> {
  const where = conditions(organisationId, campaignId, filters);
  const scope = campaignId ?? filters.campaign;
  const withCte = Prisma.sql`WITH ${activeDrawCte(organisationId, scope)} `;
  const offset = (filters.page - 1) * PAGE_SIZE;
  const [rows, count] = await Promise.all([
    db.$queryRaw<RawLead[]>`${withCte}SELECT r."id", r."campaignId", camp."title" AS "campaignTitle",
        COALESCE(c."email", '') AS "email", COALESCE(c."firstName", '') AS "firstName", COALESCE(c."lastName", '') AS "lastName",
        r."submittedAt", CASE WHEN ${CONFIRMED} THEN 1 ELSE 0 END AS "confirmed",
        r."rScore", r."fScore", r."mScore", r."segment", r."utmSource",
        CASE WHEN r."excludedAt" IS NULL THEN 0 ELSE 1 END AS "excluded",
        CASE WHEN pick."role" IS NOT NULL THEN pick."role" WHEN ${LOSER} THEN 'LOSER' ELSE NULL END AS "drawStatus"
      ${FROM}
      WHERE ${where}
      ORDER BY ${orderBy(filters)}
      LIMIT ${PAGE_SIZE} OFFSET ${offset}`,
    db.$queryRaw<{ n: number | bigint }[]>`${withCte}SELECT COUNT(*) AS "n" ${FROM} WHERE ${where}`,
  ]);
  return {
    rows: rows.map((r) => ({
      ...r,
      submittedAt: new Date(r.submittedAt),
      confirmed: Number(r.confirmed) === 1,
      excluded: Number(r.excluded) === 1,
      rScore: num(r.rScore),
      fScore: num(r.fScore),
      mScore: num(r.mScore),
      drawStatus: (r.drawStatus as LeadDrawStatus) ?? null,
    })),
    total: Number(count[0]?.n ?? 0),
    pageSize: PAGE_SIZE,
  };
}

/** Values to offer in the filter form: segments and sources seen, purposes and campaigns. */
export async function leadFilterOptions(organisationId: string, campaignId?: string) {
  const responseScope = { status: "ACCEPTED", campaign: inOrganisation(organisationId), ...(campaignId ? { campaignId } : {}) };
  const [segments, sources, purposes, campaigns] = await Promise.all([
    db.response.groupBy({ by: ["segment"], where: { ...responseScope, segment: { not: null } }, orderBy: { segment: "asc" } }),
    db.response.groupBy({ by: ["utmSource"], where: responseScope, orderBy: { utmSource: "asc" } }),
    db.purpose.findMany({
      where: { campaign: inOrganisation(organisationId), ...(campaignId ? { campaignId } : {}) },
      orderBy: [{ campaignId: "asc" }, { position: "asc" }],
      select: { id: true, campaign: { select: { title: true } }, versions: { orderBy: { version: "desc" }, take: 1, select: { wording: true } } },
    }),
    campaignId ? Promise.resolve([]) : db.campaign.findMany({ where: inOrganisation(organisationId), orderBy: { createdAt: "desc" }, select: { id: true, title: true } }),
  ]);
  return {
    segments: segments.map((s) => s.segment!),
    sources: sources.map((s) => s.utmSource || "direct"),
    purposes: purposes.map((p) => ({ id: p.id, campaignTitle: p.campaign.title, wording: p.versions[0]?.wording ?? p.id })),
    campaigns,
  };
}

/** A lead of a campaign with its answers, scores, draw history; NotFound for another organisation's. */
export async function getLead(organisationId: string, campaignId: string, responseId: string, words: AnswerWords = answerWords(DEFAULT_LOCALE)) {
  const response = await db.response.findFirst({
    where: { id: responseId, campaignId, campaign: inOrganisation(organisationId), status: "ACCEPTED" },
    include: {
      contact: true,
      campaign: {
        select: {
          id: true,
          title: true,
          kind: true,
          requireConfirmation: true,
          questions: { orderBy: { position: "asc" }, select: { id: true, label: true, type: true, options: { select: { id: true, label: true } } } },
        },
      },
      picks: { select: { role: true, rank: true, draw: { select: { id: true, sequence: true, createdAt: true, supersededAt: true } } } },
    },
  });
  if (!response) throw new NotFound("errors.leadNotFound");
  const options = new Map(response.campaign.questions.flatMap((q) => q.options.map((o) => [o.id, o.label] as const)));
  let data: Record<string, unknown> = {};
  try {
    data = JSON.parse(response.data) as Record<string, unknown>;
  } catch {
    // An unreadable copy shows as no answers rather than an error page.
  }
  const answers = response.campaign.questions.map((q) => ({ id: q.id, label: q.label, type: q.type, text: answerText(data[q.id], options, words) }));
  const active = await db.draw.findFirst({ where: { campaignId, supersededAt: null }, select: { id: true, createdAt: true, sequence: true } });
  const activePick = response.picks.find((p) => p.draw.id === active?.id);
  let drawStatus: LeadDrawStatus = null;
  if (activePick) drawStatus = activePick.role as LeadDrawStatus;
  else if (active) {
    // The same rule as the table's "non-winners" filter, for this one entry.
    const [row] = await db.$queryRaw<{ loser: number | bigint | boolean }[]>`
      SELECT CASE WHEN ${eligibleAtDrawSql(Prisma.sql`${active.createdAt}`, Prisma.sql`${response.campaign.requireConfirmation}`)} THEN 1 ELSE 0 END AS "loser"
      FROM "Response" r LEFT JOIN "Contact" c ON c."id" = r."contactId" WHERE r."id" = ${response.id}`;
    if (row && Number(row.loser) === 1) drawStatus = "LOSER";
  }
  return { response, contact: response.contact, answers, drawStatus, activeDraw: active ? { id: active.id, sequence: active.sequence, createdAt: active.createdAt } : null };
}

export type LeadFilterOptions = Awaited<ReturnType<typeof leadFilterOptions>>;
