import "server-only";
import { db } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import { NotFound } from "@/lib/errors";
import { inOrganisation } from "@/lib/orgs/scope";
import { SEGMENTS } from "@/lib/rfm/segments";
import {
  CHARTED_TYPES,
  OPEN_TYPES,
  choiceBars,
  histogramBars,
  rate,
  referrerHost,
  scaleBounds,
  sumBy,
  yesNoKey,
  type QuestionChart,
} from "./charts";
import { DIRECT_SOURCE, type AnalyticsFilters } from "./filters";
import { autoGranularity, buildSeries, type Granularity, type SeriesPoint } from "./series";
import { n, responseConditions, responseWhere, utcHourKey } from "./sql";

/** The campaign as analytics needs it, scoped to the organisation (another one's campaign is "not found"). */
export async function getAnalyticsCampaign(organisationId: string, campaignId: string) {
  const campaign = await db.campaign.findFirst({
    where: { id: campaignId, ...inOrganisation(organisationId) },
    select: {
      id: true,
      title: true,
      timeZone: true,
      opensAt: true,
      closesAt: true,
      closedManuallyAt: true,
      wordExclusions: true,
      questions: {
        orderBy: { position: "asc" },
        select: {
          id: true,
          type: true,
          label: true,
          rfmTag: true,
          validation: true,
          options: { orderBy: { position: "asc" }, select: { id: true, label: true } },
        },
      },
      purposes: {
        orderBy: { position: "asc" },
        select: { id: true, versions: { orderBy: { version: "desc" }, take: 1, select: { wording: true } } },
      },
    },
  });
  if (!campaign) throw new NotFound("Campagne introuvable.");
  return campaign;
}

export type AnalyticsCampaign = Awaited<ReturnType<typeof getAnalyticsCampaign>>;

export type Totals = {
  views: number;
  submissions: number;
  confirmed: number;
  rejected: number;
  /** submissions / views, % */
  completionRate: number | null;
  /** confirmed / submissions, % */
  confirmationRate: number | null;
};

/** Submissions, confirmations and entries set aside as bots, in one pass over the campaign's responses. */
async function responseTotals(campaignId: string, filters: AnalyticsFilters) {
  const [row] = await db.$queryRaw<{ submissions: unknown; confirmed: unknown; rejected: unknown }[]>`
    SELECT
      SUM(CASE WHEN r."status" = 'ACCEPTED' THEN 1 ELSE 0 END) AS submissions,
      SUM(CASE WHEN r."status" = 'ACCEPTED' AND r."confirmedAt" IS NOT NULL THEN 1 ELSE 0 END) AS confirmed,
      SUM(CASE WHEN r."status" <> 'ACCEPTED' THEN 1 ELSE 0 END) AS rejected
    FROM "Response" r WHERE ${responseConditions(campaignId, filters, "any")}`;
  return { submissions: n(row?.submissions), confirmed: n(row?.confirmed), rejected: n(row?.rejected) };
}

function viewConditions(campaignId: string, filters: AnalyticsFilters): Prisma.Sql {
  const parts = [Prisma.sql`v."campaignId" = ${campaignId}`];
  if (filters.from) parts.push(Prisma.sql`v."hour" >= ${filters.from}`);
  if (filters.to) parts.push(Prisma.sql`v."hour" < ${filters.to}`);
  if (filters.source !== undefined) parts.push(Prisma.sql`v."utmSource" = ${filters.source}`);
  return Prisma.join(parts, " AND ");
}

async function hourlyCounts(campaignId: string, filters: AnalyticsFilters) {
  const [submissions, views] = await Promise.all([
    db.$queryRaw<{ hour: string; count: unknown }[]>`
      SELECT ${utcHourKey('r."submittedAt"')} AS hour, COUNT(*) AS count FROM "Response" r
      WHERE ${responseConditions(campaignId, filters)} GROUP BY 1`,
    db.$queryRaw<{ hour: string; count: unknown }[]>`
      SELECT ${utcHourKey('v."hour"')} AS hour, SUM(v."count") AS count FROM "ViewCount" v
      WHERE ${viewConditions(campaignId, filters)} GROUP BY 1`,
  ]);
  const toMap = (rows: { hour: string; count: unknown }[]) => new Map(rows.map((r) => [String(r.hour).replace(" ", "T"), n(r.count)]));
  return { submissions: toMap(submissions), views: toMap(views) };
}

export type SourceRow = { source: string; medium: string; count: number };

/** Responses by UTM source and medium, and by referrer host (top 200 referrer URLs folded into hosts). */
async function sourceBreakdown(campaignId: string, filters: AnalyticsFilters) {
  const [utm, referrers] = await Promise.all([
    db.$queryRaw<{ source: string; medium: string; count: unknown }[]>`
      SELECT r."utmSource" AS source, r."utmMedium" AS medium, COUNT(*) AS count FROM "Response" r
      WHERE ${responseConditions(campaignId, filters)}
      GROUP BY r."utmSource", r."utmMedium" ORDER BY count DESC LIMIT 50`,
    db.$queryRaw<{ referrer: string; count: unknown }[]>`
      SELECT r."referrer" AS referrer, COUNT(*) AS count FROM "Response" r
      WHERE ${responseConditions(campaignId, filters)}
      GROUP BY r."referrer" ORDER BY count DESC LIMIT 200`,
  ]);
  return {
    utm: utm.map((r) => ({ source: r.source, medium: r.medium, count: n(r.count) })),
    referrers: sumBy(referrers, (r) => referrerHost(r.referrer), (r) => n(r.count))
      .slice(0, 20)
      .map((r) => ({ host: r.key, count: r.count })),
  };
}

/** The utm_source values seen in the campaign (for the filter's list), unfiltered. */
export async function sourceOptions(campaignId: string): Promise<string[]> {
  const rows = await db.response.groupBy({
    by: ["utmSource"],
    where: { campaignId, status: "ACCEPTED" },
    _count: { _all: true },
    orderBy: { _count: { utmSource: "desc" } },
    take: 100,
  });
  return rows.map((r) => (r.utmSource === "" ? DIRECT_SOURCE : r.utmSource));
}

export type ConsentRate = { purposeId: string; label: string; granted: number; contacts: number; rate: number | null };

/**
 * Current consent per purpose among the contacts who answered (under the
 * filters), derived from the append-only ledger: a contact's latest record for
 * a purpose wins; records at the same instant resolve to WITHDRAW (when in
 * doubt, no consent). GRANT and CONFIRM both mean "consents".
 */
async function consentRates(campaign: AnalyticsCampaign, filters: AnalyticsFilters): Promise<ConsentRate[]> {
  if (campaign.purposes.length === 0) return [];
  const respondents = Prisma.sql`SELECT r."contactId" FROM "Response" r WHERE ${responseConditions(campaign.id, filters)} AND r."contactId" IS NOT NULL`;
  const purposeIds = Prisma.join(campaign.purposes.map((p) => p.id));
  const [[contacts], granted] = await Promise.all([
    db.$queryRaw<{ contacts: unknown }[]>`SELECT COUNT(DISTINCT r."contactId") AS contacts FROM "Response" r
      WHERE ${responseConditions(campaign.id, filters)} AND r."contactId" IS NOT NULL`,
    db.$queryRaw<{ purposeId: string; granted: unknown }[]>`
      SELECT c."purposeId" AS "purposeId", COUNT(DISTINCT c."contactId") AS granted
      FROM "ConsentRecord" c
      WHERE c."purposeId" IN (${purposeIds})
        AND c."action" IN ('GRANT', 'CONFIRM')
        AND c."contactId" IN (${respondents})
        AND NOT EXISTS (
          SELECT 1 FROM "ConsentRecord" later
          WHERE later."contactId" = c."contactId" AND later."purposeId" = c."purposeId"
            AND (later."createdAt" > c."createdAt" OR (later."createdAt" = c."createdAt" AND later."action" = 'WITHDRAW'))
        )
      GROUP BY c."purposeId"`,
  ]);
  const total = n(contacts?.contacts);
  const byPurpose = new Map(granted.map((g) => [g.purposeId, n(g.granted)]));
  return campaign.purposes.map((p) => {
    const count = byPurpose.get(p.id) ?? 0;
    return { purposeId: p.id, label: p.versions[0]?.wording ?? "", granted: count, contacts: total, rate: rate(count, total) };
  });
}

/**
 * One chart per closed question from grouped counts of the Answer table
 * (joined to its response for the filters): choices by option, scales and
 * option-less yes/no by value, and for multiple choice the number of distinct
 * respondents (the base of its percentages, since one response picks several).
 */
async function questionCharts(campaign: AnalyticsCampaign, filters: AnalyticsFilters): Promise<QuestionChart[]> {
  const charted = campaign.questions.filter((q) => (CHARTED_TYPES as readonly string[]).includes(q.type));
  if (charted.length === 0) return [];
  const withOptions = charted.filter((q) => q.options.length > 0);
  const byValue = charted.filter((q) => q.options.length === 0);
  const multiple = charted.filter((q) => q.type === "MULTIPLE_CHOICE");
  const where = responseConditions(campaign.id, filters);
  const ids = (qs: { id: string }[]) => Prisma.join(qs.map((q) => q.id));
  const [optionRows, valueRows, respondentRows] = await Promise.all([
    withOptions.length
      ? db.$queryRaw<{ questionId: string; optionId: string; count: unknown }[]>`
          SELECT a."questionId" AS "questionId", a."optionId" AS "optionId", COUNT(*) AS count
          FROM "Answer" a JOIN "Response" r ON r."id" = a."responseId"
          WHERE a."campaignId" = ${campaign.id} AND a."questionId" IN (${ids(withOptions)}) AND a."optionId" IS NOT NULL AND ${where}
          GROUP BY a."questionId", a."optionId"`
      : [],
    byValue.length
      ? db.$queryRaw<{ questionId: string; valueText: string | null; valueNumber: number | null; count: unknown }[]>`
          SELECT a."questionId" AS "questionId", a."valueText" AS "valueText", a."valueNumber" AS "valueNumber", COUNT(*) AS count
          FROM "Answer" a JOIN "Response" r ON r."id" = a."responseId"
          WHERE a."campaignId" = ${campaign.id} AND a."questionId" IN (${ids(byValue)}) AND ${where}
          GROUP BY a."questionId", a."valueText", a."valueNumber"`
      : [],
    multiple.length
      ? db.$queryRaw<{ questionId: string; respondents: unknown }[]>`
          SELECT a."questionId" AS "questionId", COUNT(DISTINCT a."responseId") AS respondents
          FROM "Answer" a JOIN "Response" r ON r."id" = a."responseId"
          WHERE a."campaignId" = ${campaign.id} AND a."questionId" IN (${ids(multiple)}) AND ${where}
          GROUP BY a."questionId"`
      : [],
  ]);
  const respondentsOf = new Map(respondentRows.map((r) => [r.questionId, n(r.respondents)]));

  return charted.map((q): QuestionChart => {
    if (q.type === "SCALE" && q.options.length === 0) {
      const counts = new Map<number, number>();
      for (const row of valueRows) {
        if (row.questionId !== q.id || row.valueNumber === null) continue;
        const value = Number(row.valueNumber);
        counts.set(value, (counts.get(value) ?? 0) + n(row.count));
      }
      const { bars, respondents } = histogramBars(scaleBounds(q.validation), counts);
      return { id: q.id, label: q.label, type: q.type, kind: "histogram", respondents, bars };
    }
    const counts = new Map<string, number>();
    let options = q.options;
    if (q.options.length > 0) {
      for (const row of optionRows) if (row.questionId === q.id) counts.set(row.optionId, n(row.count));
    } else {
      // Yes/no without options: values become two synthetic options.
      options = [
        { id: "yes", label: "Oui" },
        { id: "no", label: "Non" },
      ];
      for (const row of valueRows) {
        if (row.questionId !== q.id) continue;
        const key = yesNoKey(row.valueText, row.valueNumber === null ? null : Number(row.valueNumber));
        if (key) counts.set(key, (counts.get(key) ?? 0) + n(row.count));
      }
    }
    const summed = [...counts.values()].reduce((s, c) => s + c, 0);
    const respondents = q.type === "MULTIPLE_CHOICE" ? (respondentsOf.get(q.id) ?? summed) : summed;
    return { id: q.id, label: q.label, type: q.type, kind: "choices", respondents, bars: choiceBars(options, counts, respondents) };
  });
}

export type SegmentCount = { segment: string | null; count: number };

/** Responses per RFM segment, in the mapping's order; "null" counts the responses that could not be placed. */
export async function rfmDistribution(campaignId: string, filters: AnalyticsFilters): Promise<SegmentCount[]> {
  const rows = await db.response.groupBy({ by: ["segment"], where: responseWhere(campaignId, filters), _count: { _all: true } });
  const counts = new Map(rows.map((r) => [r.segment, r._count._all]));
  const known: SegmentCount[] = SEGMENTS.map((segment) => ({ segment, count: counts.get(segment) ?? 0 }));
  // A segment name the mapping no longer knows (older data) is still shown, after the known ones.
  const others = rows.filter((r) => r.segment !== null && !(SEGMENTS as readonly string[]).includes(r.segment));
  return [...known, ...others.map((r) => ({ segment: r.segment, count: r._count._all })), { segment: null, count: counts.get(null) ?? 0 }];
}

export type DashboardData = {
  totals: Totals;
  series: { granularity: Granularity; points: SeriesPoint[] };
  sources: { utm: SourceRow[]; referrers: { host: string; count: number }[] };
  consents: ConsentRate[];
  questions: QuestionChart[];
  rfm: SegmentCount[] | null;
  openQuestions: { id: string; label: string }[];
};

/** Everything the dashboard draws, computed by the database under one set of filters. */
export async function getDashboardData(
  campaign: AnalyticsCampaign,
  filters: AnalyticsFilters,
  granularity?: Granularity,
  now: Date = new Date(),
): Promise<DashboardData> {
  const hasRfm = campaign.questions.some((q) => q.rfmTag);
  const [totals, views, hourly, sources, consents, questions, rfm] = await Promise.all([
    responseTotals(campaign.id, filters),
    db.$queryRaw<{ views: unknown }[]>`SELECT SUM(v."count") AS views FROM "ViewCount" v WHERE ${viewConditions(campaign.id, filters)}`,
    hourlyCounts(campaign.id, filters),
    sourceBreakdown(campaign.id, filters),
    consentRates(campaign, filters),
    questionCharts(campaign, filters),
    hasRfm ? rfmDistribution(campaign.id, filters) : null,
  ]);
  const viewCount = n(views[0]?.views);
  const closesAt = campaign.closedManuallyAt && campaign.closedManuallyAt < campaign.closesAt ? campaign.closedManuallyAt : campaign.closesAt;
  const hours = [...hourly.submissions.keys(), ...hourly.views.keys()].sort();
  const firstSeen = hours[0] ? new Date(`${hours[0]}:00:00Z`) : undefined;
  const lastSeen = hours.at(-1) ? new Date(`${hours.at(-1)}:59:59Z`) : undefined;
  const from = filters.from ?? (firstSeen && firstSeen < campaign.opensAt ? firstSeen : campaign.opensAt);
  let to = filters.to ?? (now < closesAt ? now : closesAt);
  if (!filters.to && lastSeen && lastSeen > to) to = lastSeen;
  return {
    totals: {
      views: viewCount,
      ...totals,
      completionRate: rate(totals.submissions, viewCount),
      confirmationRate: rate(totals.confirmed, totals.submissions),
    },
    series: to > from ? buildSeries({ ...hourly, from, to, timeZone: campaign.timeZone, granularity: granularity ?? autoGranularity(from, to) }) : { granularity: "day", points: [] },
    sources,
    consents,
    questions,
    rfm,
    openQuestions: campaign.questions.filter((q) => (OPEN_TYPES as readonly string[]).includes(q.type)).map((q) => ({ id: q.id, label: q.label })),
  };
}
