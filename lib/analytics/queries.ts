import "server-only";
import { db } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import { NotFound } from "@/lib/errors";
import { env } from "@/lib/env";
import { inOrganisation } from "@/lib/orgs/scope";
import { consentingPairsSql } from "@/lib/consent/current";
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
import { DIRECT_SOURCE, isFiltered, type AnalyticsFilters } from "./filters";
import { autoGranularity, buildSeries, type Granularity, type SeriesPoint } from "./series";
import { n, responseConditions, utcHourKey } from "./sql";
import { seenCounts } from "./seen";
import { scaleSummary } from "./nps";
import { conditionsOf, parseShowIf } from "@/lib/campaigns/visibility-rules";

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
      sections: { select: { id: true, showIf: true } },
      questions: {
        orderBy: { position: "asc" },
        select: {
          id: true,
          sectionId: true,
          showIf: true,
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
  if (!campaign) throw new NotFound("errors.campaignNotFound");
  return campaign;
}

type AnalyticsCampaign = Awaited<ReturnType<typeof getAnalyticsCampaign>>;

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

type CubeRow = { hour: string; source: string; medium: string; submissions: unknown; confirmed: unknown; contacts: unknown };

/**
 * One grouped pass over the campaign's accepted responses, by UTC hour, UTM
 * source and medium (a few thousand groups at most): the time series, the
 * totals and the UTM breakdown all fold out of it. Read from the covering
 * index Response_analytics_idx alone.
 */
async function responseCube(campaignId: string, filters: AnalyticsFilters) {
  const rows = await db.$queryRaw<CubeRow[]>`
    SELECT ${utcHourKey('r."submittedAt"')} AS hour, r."utmSource" AS source, r."utmMedium" AS medium,
      COUNT(*) AS submissions, COUNT(r."confirmedAt") AS confirmed, COUNT(r."contactId") AS contacts
    FROM "Response" r WHERE ${responseConditions(campaignId, filters)}
    GROUP BY 1, 2, 3`;
  const submissionsByHour = new Map<string, number>();
  let submissions = 0;
  let confirmed = 0;
  let contacts = 0;
  for (const row of rows) {
    const hour = String(row.hour).replace(" ", "T");
    submissionsByHour.set(hour, (submissionsByHour.get(hour) ?? 0) + n(row.submissions));
    submissions += n(row.submissions);
    confirmed += n(row.confirmed);
    contacts += n(row.contacts);
  }
  const utm = sumBy(rows, (r) => `${r.source}\u0000${r.medium}`, (r) => n(r.submissions))
    .slice(0, 50)
    .map((r) => {
      const [source = "", medium = ""] = r.key.split("\u0000");
      return { source, medium, count: r.count };
    });
  return { submissionsByHour, submissions, confirmed, contacts, utm };
}

/** Entries set aside as bots (REJECTED, so without a dedupe key: found through that index). */
async function rejectedCount(campaignId: string, filters: AnalyticsFilters): Promise<number> {
  const [row] = await db.$queryRaw<{ rejected: unknown }[]>`
    SELECT COUNT(*) AS rejected FROM "Response" r
    WHERE ${responseConditions(campaignId, filters, "any")} AND r."dedupeKey" IS NULL AND r."status" <> 'ACCEPTED'`;
  return n(row?.rejected);
}

function viewConditions(campaignId: string, filters: AnalyticsFilters): Prisma.Sql {
  const parts = [Prisma.sql`v."campaignId" = ${campaignId}`];
  if (filters.from) parts.push(Prisma.sql`v."hour" >= ${filters.from}`);
  if (filters.to) parts.push(Prisma.sql`v."hour" < ${filters.to}`);
  if (filters.source !== undefined) parts.push(Prisma.sql`v."utmSource" = ${filters.source}`);
  return Prisma.join(parts, " AND ");
}

/** Page views per UTC hour (cookie-less counters). */
async function viewsByHour(campaignId: string, filters: AnalyticsFilters) {
  const rows = await db.$queryRaw<{ hour: string; count: unknown }[]>`
    SELECT ${utcHourKey('v."hour"')} AS hour, SUM(v."count") AS count FROM "ViewCount" v
    WHERE ${viewConditions(campaignId, filters)} GROUP BY 1`;
  return new Map(rows.map((r) => [String(r.hour).replace(" ", "T"), n(r.count)]));
}

type SourceRow = { source: string; medium: string; count: number };

/** Responses by referrer host (the 200 most frequent referrer URLs, folded into hosts). */
async function referrerBreakdown(campaignId: string, filters: AnalyticsFilters) {
  const rows = await db.$queryRaw<{ referrer: string; count: unknown }[]>`
    SELECT r."referrer" AS referrer, COUNT(*) AS count FROM "Response" r
    WHERE ${responseConditions(campaignId, filters)}
    GROUP BY r."referrer" ORDER BY count DESC LIMIT 200`;
  return sumBy(rows, (r) => referrerHost(r.referrer), (r) => n(r.count))
    .slice(0, 20)
    .map((r) => ({ host: r.key, count: r.count }));
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
 * Consent per purpose among the contacts who answered (under the filters):
 * the contacts whose consent counts now under the one rule of
 * lib/consent/current.ts (confirmed by its own entry's double opt-in, not
 * withdrawn since), in one grouped pass on the covering index
 * ConsentRecord_current_idx.
 */
async function consentRates(campaign: AnalyticsCampaign, filters: AnalyticsFilters, contacts: number): Promise<ConsentRate[]> {
  if (campaign.purposes.length === 0) return [];
  // Unfiltered, every contact with a record for these purposes answered this
  // campaign (purposes belong to one campaign; rejected entries get no
  // records), so the respondent check is only needed under filters.
  const respondents = isFiltered(filters)
    ? Prisma.sql`AND cr."contactId" IN (SELECT r."contactId" FROM "Response" r WHERE ${responseConditions(campaign.id, filters)} AND r."contactId" IS NOT NULL)`
    : Prisma.empty;
  const granted = await db.$queryRaw<{ purposeId: string; granted: unknown }[]>`
    SELECT counting."purposeId" AS "purposeId", COUNT(*) AS granted
    FROM (${consentingPairsSql(Prisma.sql`cr."purposeId" IN (${Prisma.join(campaign.purposes.map((p) => p.id))}) ${respondents}`)}) counting
    GROUP BY counting."purposeId"`;
  const byPurpose = new Map(granted.map((g) => [g.purposeId, n(g.granted)]));
  return campaign.purposes.map((p) => {
    const count = byPurpose.get(p.id) ?? 0;
    return { purposeId: p.id, label: p.versions[0]?.wording ?? "", granted: count, contacts, rate: rate(count, contacts) };
  });
}

/**
 * How filtered answer counts find their responses. "narrow" (a small share of
 * the campaign, e.g. one source over a week): walk the filtered responses and
 * their answers. "wide": scan the questions' covering index and test each
 * answer's response against the filtered set (`|| ''` keeps the planner off
 * the per-response index, which would be slower at that size).
 */
type FilteredPlan = "narrow" | "wide";

function filteredAnswers(campaignId: string, filters: AnalyticsFilters, plan: FilteredPlan, questionIds: Prisma.Sql): Prisma.Sql {
  return plan === "narrow"
    ? Prisma.sql`FROM "Response" r JOIN "Answer" a ON a."responseId" = r."id" WHERE ${responseConditions(campaignId, filters)} AND a."questionId" IN (${questionIds})`
    : Prisma.sql`FROM "Answer" a WHERE a."questionId" IN (${questionIds})
        AND a."responseId" || '' IN (SELECT r."id" FROM "Response" r WHERE ${responseConditions(campaignId, filters)})`;
}

/** Narrow when the filters keep at most a quarter of the campaign's entries (the measured break-even). */
async function planFor(campaignId: string, filters: AnalyticsFilters, kept: number): Promise<FilteredPlan> {
  if (!isFiltered(filters)) return "wide";
  const [row] = await db.$queryRaw<{ total: unknown }[]>`
    SELECT COUNT(*) AS total FROM "Response" r WHERE r."campaignId" = ${campaignId} AND r."status" = 'ACCEPTED'`;
  return kept * 4 <= n(row?.total) ? "narrow" : "wide";
}

type AnswerCountRow = { questionId: string; optionId: string | null; valueNumber: number | null; count: unknown };

/**
 * Answer counts per (question, option, value) from the covering index
 * Answer_analytics_idx. Unfiltered, every answer of the questions is counted
 * and the few answers of rejected entries are subtracted (found through their
 * response ids); filtered, through the plan chosen for the filtered share.
 */
async function answerCounts(campaignId: string, questionIds: string[], filters: AnalyticsFilters, plan: FilteredPlan): Promise<Map<string, number>> {
  const ids = Prisma.join(questionIds);
  const key = (r: AnswerCountRow) => `${r.questionId}|${r.optionId ?? ""}|${r.valueNumber ?? ""}`;
  const counts = new Map<string, number>();
  if (isFiltered(filters)) {
    const rows = await db.$queryRaw<AnswerCountRow[]>`
      SELECT a."questionId" AS "questionId", a."optionId" AS "optionId", a."valueNumber" AS "valueNumber", COUNT(*) AS count
      ${filteredAnswers(campaignId, filters, plan, ids)}
      GROUP BY a."questionId", a."optionId", a."valueNumber"`;
    for (const row of rows) counts.set(key(row), n(row.count));
    return counts;
  }
  const [all, rejected] = await Promise.all([
    db.$queryRaw<AnswerCountRow[]>`
      SELECT a."questionId" AS "questionId", a."optionId" AS "optionId", a."valueNumber" AS "valueNumber", COUNT(*) AS count
      FROM "Answer" a WHERE a."questionId" IN (${ids})
      GROUP BY a."questionId", a."optionId", a."valueNumber"`,
    db.$queryRaw<AnswerCountRow[]>`
      SELECT a."questionId" AS "questionId", a."optionId" AS "optionId", a."valueNumber" AS "valueNumber", COUNT(*) AS count
      FROM "Answer" a
      WHERE a."questionId" IN (${ids})
        AND a."responseId" IN (SELECT r."id" FROM "Response" r WHERE r."campaignId" = ${campaignId} AND r."dedupeKey" IS NULL AND r."status" <> 'ACCEPTED')
      GROUP BY a."questionId", a."optionId", a."valueNumber"`,
  ]);
  for (const row of all) counts.set(key(row), n(row.count));
  for (const row of rejected) counts.set(key(row), (counts.get(key(row)) ?? 0) - n(row.count));
  return counts;
}

/**
 * Yes/no answers (stored as the text "yes" or "no") counted by value, under
 * the same rules as answerCounts: unfiltered, all minus the rejected entries'.
 */
async function yesNoTextCounts(campaignId: string, questionIds: string[], filters: AnalyticsFilters, plan: FilteredPlan) {
  type Row = { questionId: string; valueText: string | null; valueNumber: number | null; count: unknown };
  if (questionIds.length === 0) return [];
  const ids = Prisma.join(questionIds);
  if (isFiltered(filters)) {
    return db.$queryRaw<Row[]>`
      SELECT a."questionId" AS "questionId", a."valueText" AS "valueText", a."valueNumber" AS "valueNumber", COUNT(*) AS count
      ${filteredAnswers(campaignId, filters, plan, ids)}
      GROUP BY a."questionId", a."valueText", a."valueNumber"`;
  }
  const all = await db.$queryRaw<Row[]>`
    SELECT a."questionId" AS "questionId", a."valueText" AS "valueText", a."valueNumber" AS "valueNumber", COUNT(*) AS count
    FROM "Answer" a WHERE a."questionId" IN (${ids})
    GROUP BY a."questionId", a."valueText", a."valueNumber"`;
  const rejected = await db.$queryRaw<Row[]>`
    SELECT a."questionId" AS "questionId", a."valueText" AS "valueText", a."valueNumber" AS "valueNumber", COUNT(*) AS count
    FROM "Answer" a
    WHERE a."questionId" IN (${ids})
      AND a."responseId" IN (SELECT r."id" FROM "Response" r WHERE r."campaignId" = ${campaignId} AND r."dedupeKey" IS NULL AND r."status" <> 'ACCEPTED')
    GROUP BY a."questionId", a."valueText", a."valueNumber"`;
  return [...all, ...rejected.map((r) => ({ ...r, count: -n(r.count) }))];
}

/**
 * One chart per closed question: choices by option (percentages of the
 * question's respondents; for multiple choice, of all participants, since one
 * response ticks several), scales as a histogram of their values.
 */
export async function questionCharts(campaign: AnalyticsCampaign, filters: AnalyticsFilters, submissions: number, plan: FilteredPlan): Promise<QuestionChart[]> {
  const charted = campaign.questions.filter((q) => (CHARTED_TYPES as readonly string[]).includes(q.type));
  if (charted.length === 0) return [];
  const textYesNo = charted.filter((q) => q.type === "YES_NO" && q.options.length === 0).map((q) => q.id);
  // Show-if: a conditional question's base is the participants who were shown it, not all of them.
  const sectionShowIf = new Map(campaign.sections.map((s) => [s.id, parseShowIf(s.showIf)]));
  const seen = await seenCounts(
    campaign.id,
    filters,
    charted.map((q) => ({ id: q.id, conditions: conditionsOf({ showIf: sectionShowIf.get(q.sectionId) }, { showIf: parseShowIf(q.showIf) }) })),
  );
  const [counts, yesNoRows] = await Promise.all([
    answerCounts(
      campaign.id,
      charted.map((q) => q.id),
      filters,
      plan,
    ),
    yesNoTextCounts(campaign.id, textYesNo, filters, plan),
  ]);
  return charted.map((q): QuestionChart => {
    if (q.type === "SCALE" && q.options.length === 0) {
      const values = new Map<number, number>();
      for (const [k, count] of counts) {
        const [questionId, optionId, value] = k.split("|");
        if (questionId === q.id && optionId === "" && value !== "") values.set(Number(value), (values.get(Number(value)) ?? 0) + count);
      }
      const bounds = scaleBounds(q.validation);
      const { bars, respondents } = histogramBars(bounds, values);
      const { average, nps } = scaleSummary(bounds, values);
      const base = seen.has(q.id) ? Math.max(seen.get(q.id)!, respondents) : submissions;
      return { id: q.id, label: q.label, type: q.type, kind: "histogram", respondents, unanswered: Math.max(0, base - respondents), seen: seen.has(q.id) ? base : null, rfmTag: q.rfmTag, bars, average, nps };
    }
    const byOption = new Map<string, number>();
    let options = q.options;
    if (q.options.length > 0) {
      for (const o of q.options) byOption.set(o.id, counts.get(`${q.id}|${o.id}|`) ?? 0);
    } else {
      // Yes/no without options: values become two synthetic options.
      options = [
        { id: "yes", label: "Oui" },
        { id: "no", label: "Non" },
      ];
      for (const row of yesNoRows) {
        if (row.questionId !== q.id) continue;
        const k = yesNoKey(row.valueText, row.valueNumber === null ? null : Number(row.valueNumber));
        if (k) byOption.set(k, (byOption.get(k) ?? 0) + n(row.count));
      }
    }
    const summed = [...byOption.values()].reduce((sum, c) => sum + c, 0);
    // Answers stored before a condition was added may outnumber those who meet it now: never fewer seen than answered.
    const base = seen.has(q.id) ? Math.max(seen.get(q.id)!, q.type === "MULTIPLE_CHOICE" ? 0 : summed) : submissions;
    const respondents = q.type === "MULTIPLE_CHOICE" ? base : summed;
    return {
      id: q.id,
      label: q.label,
      type: q.type,
      kind: "choices",
      respondents,
      unanswered: q.type === "MULTIPLE_CHOICE" ? null : Math.max(0, base - respondents),
      seen: seen.has(q.id) ? base : null,
      rfmTag: q.rfmTag,
      bars: choiceBars(options, byOption, respondents),
    };
  });
}

type SegmentCount = { segment: string | null; count: number };

/**
 * Responses per RFM segment, in the mapping's order; "null" counts the
 * responses that could not be placed. Unfiltered: every response of the
 * campaign from the (campaignId, segment) index, minus the few rejected ones;
 * filtered: from the covering Response_analytics_idx.
 */
export async function rfmDistribution(campaignId: string, filters: AnalyticsFilters): Promise<SegmentCount[]> {
  type Row = { segment: string | null; count: unknown };
  const counts = new Map<string | null, number>();
  if (isFiltered(filters)) {
    const rows = await db.$queryRaw<Row[]>`
      SELECT r."segment" AS segment, COUNT(*) AS count FROM "Response" r WHERE ${responseConditions(campaignId, filters)} GROUP BY r."segment"`;
    for (const row of rows) counts.set(row.segment, n(row.count));
  } else {
    // "IS NOT NULL" steers SQLite onto the (campaignId, segment) index, read in
    // order without a sort; the unplaced ones are what remains of the total.
    const all = await db.$queryRaw<Row[]>`
      SELECT r."segment" AS segment, COUNT(*) AS count FROM "Response" r
      WHERE r."campaignId" = ${campaignId} AND r."segment" IS NOT NULL GROUP BY r."segment"`;
    const rejected = await db.$queryRaw<Row[]>`
      SELECT r."segment" AS segment, COUNT(*) AS count FROM "Response" r
      WHERE r."campaignId" = ${campaignId} AND r."dedupeKey" IS NULL AND r."status" <> 'ACCEPTED' AND r."segment" IS NOT NULL GROUP BY r."segment"`;
    const [accepted] = await db.$queryRaw<{ count: unknown }[]>`
      SELECT COUNT(*) AS count FROM "Response" r WHERE r."campaignId" = ${campaignId} AND r."status" = 'ACCEPTED'`;
    for (const row of all) counts.set(row.segment, n(row.count));
    for (const row of rejected) counts.set(row.segment, (counts.get(row.segment) ?? 0) - n(row.count));
    const placed = [...counts.values()].reduce((sum, c) => sum + c, 0);
    counts.set(null, n(accepted?.count) - placed);
  }
  const known: SegmentCount[] = SEGMENTS.map((segment) => ({ segment, count: counts.get(segment) ?? 0 }));
  // A segment name the mapping no longer knows (older data) is still shown, after the known ones.
  const others = [...counts.entries()].filter(([segment, count]) => segment !== null && count > 0 && !(SEGMENTS as readonly string[]).includes(segment));
  return [...known, ...others.map(([segment, count]) => ({ segment, count })), { segment: null, count: counts.get(null) ?? 0 }];
}

type DashboardData = {
  totals: Totals;
  series: { granularity: Granularity; points: SeriesPoint[] };
  sources: { utm: SourceRow[]; referrers: { host: string; count: number }[] };
  consents: ConsentRate[];
  questions: QuestionChart[];
  rfm: SegmentCount[] | null;
  openQuestions: { id: string; label: string }[];
};

/** Logs each step's duration when AIMANT_ANALYTICS_TIMINGS=1 (to find the slow chart on a big campaign). */
async function timed<T>(label: string, run: () => Promise<T>): Promise<T> {
  if (env().AIMANT_ANALYTICS_TIMINGS !== "1") return run();
  const started = performance.now();
  try {
    return await run();
  } finally {
    console.log(`analytics ${label}: ${(performance.now() - started).toFixed(1)} ms`);
  }
}

/**
 * Everything the dashboard draws, computed by the database under one set of
 * filters. The queries run one after the other on purpose: SQLite serves one
 * connection, so "parallel" queries would only interleave.
 */
export async function getDashboardData(
  campaign: AnalyticsCampaign,
  filters: AnalyticsFilters,
  granularity?: Granularity,
  now: Date = new Date(),
): Promise<DashboardData> {
  const cube = await timed("cube", () => responseCube(campaign.id, filters));
  const rejected = await timed("rejected", () => rejectedCount(campaign.id, filters));
  const views = await timed("views", () => viewsByHour(campaign.id, filters));
  const referrers = await timed("referrers", () => referrerBreakdown(campaign.id, filters));
  const consents = await timed("consents", () => consentRates(campaign, filters, cube.contacts));
  const plan = await planFor(campaign.id, filters, cube.submissions);
  const questions = await timed(`questions (${plan})`, () => questionCharts(campaign, filters, cube.submissions, plan));
  const rfm = campaign.questions.some((q) => q.rfmTag) ? await timed("rfm", () => rfmDistribution(campaign.id, filters)) : null;

  const viewCount = [...views.values()].reduce((sum, c) => sum + c, 0);
  const closesAt = campaign.closedManuallyAt && campaign.closedManuallyAt < campaign.closesAt ? campaign.closedManuallyAt : campaign.closesAt;
  const hours = [...cube.submissionsByHour.keys(), ...views.keys()].sort();
  const firstSeen = hours[0] ? new Date(`${hours[0]}:00:00Z`) : undefined;
  const lastSeen = hours.at(-1) ? new Date(`${hours.at(-1)}:59:59Z`) : undefined;
  const from = filters.from ?? (firstSeen && firstSeen < campaign.opensAt ? firstSeen : campaign.opensAt);
  let to = filters.to ?? (now < closesAt ? now : closesAt);
  if (!filters.to && lastSeen && lastSeen > to) to = lastSeen;
  return {
    totals: {
      views: viewCount,
      submissions: cube.submissions,
      confirmed: cube.confirmed,
      rejected,
      completionRate: rate(cube.submissions, viewCount),
      confirmationRate: rate(cube.confirmed, cube.submissions),
    },
    series:
      to > from
        ? buildSeries({ submissions: cube.submissionsByHour, views, from, to, timeZone: campaign.timeZone, granularity: granularity ?? autoGranularity(from, to) })
        : { granularity: "day", points: [] },
    sources: { utm: cube.utm, referrers },
    consents,
    questions,
    rfm,
    openQuestions: campaign.questions.filter((q) => (OPEN_TYPES as readonly string[]).includes(q.type)).map((q) => ({ id: q.id, label: q.label })),
  };
}
