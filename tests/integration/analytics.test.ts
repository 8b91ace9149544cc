import { beforeAll, describe, expect, it } from "vitest";
import { useFreshDatabase as freshDatabase } from "../test-db";
import { NotFound } from "@/lib/errors";
import { seedSmallCampaign } from "./analytics-fixture";

// (aliased: the name "use…" trips the React hooks lint rule)
freshDatabase();

const NOW = new Date("2026-11-20T12:00:00Z");

describe("analytics on a small seeded database", () => {
  let orgA: string;
  let orgB: string;
  let seeded: Awaited<ReturnType<typeof seedSmallCampaign>>;
  let q: typeof import("@/lib/analytics/queries");
  let filtersFromSearch: typeof import("@/lib/analytics/filters").filtersFromSearch;

  beforeAll(async () => {
    const { createAccount } = await import("@/lib/auth/sign-up");
    const { db } = await import("@/lib/db");
    orgA = (await createAccount({ name: "A", organisationName: "Org A", email: "owner-a@example.test", password: "x".repeat(12) })).organisationId;
    orgB = (await createAccount({ name: "B", organisationName: "Org B", email: "owner-b@example.test", password: "x".repeat(12) })).organisationId;
    seeded = await seedSmallCampaign(db, orgA);
    q = await import("@/lib/analytics/queries");
    ({ filtersFromSearch } = await import("@/lib/analytics/filters"));
  });

  async function dashboard(search: Record<string, string> = {}, granularity?: "day" | "hour") {
    const campaign = await q.getAnalyticsCampaign(orgA, seeded.campaign.id);
    return q.getDashboardData(campaign, filtersFromSearch(search, campaign.timeZone), granularity, NOW);
  }

  it("answers not found for another organisation's campaign", async () => {
    await expect(q.getAnalyticsCampaign(orgB, seeded.campaign.id)).rejects.toThrow(NotFound);
  });

  it("counts views, accepted submissions, confirmations and bots exactly", async () => {
    const data = await dashboard();
    expect(data.totals).toEqual({ views: 20, submissions: 3, confirmed: 2, rejected: 1, completionRate: 15, confirmationRate: 66.7 });
  });

  it("counts each closed question's answers from the Answer table, bots excluded", async () => {
    const data = await dashboard();
    const byId = new Map(data.questions.map((c) => [c.id, c]));
    expect(data.questions.map((c) => c.id)).toEqual([seeded.q.q1.id, seeded.q.q2.id, seeded.q.q3.id, seeded.q.q4.id, seeded.q.q5.id]);
    expect(byId.get(seeded.q.q1.id)).toMatchObject({ kind: "choices", respondents: 3 });
    expect(byId.get(seeded.q.q1.id)!.bars.map((b) => [b.label, b.count, b.percent])).toEqual([
      ["Bois", 2, 66.7],
      ["Granulés", 1, 33.3],
      ["Fioul", 0, 0],
    ]);
    // Multiple choice: percentages of all participants (one response ticks several).
    expect(byId.get(seeded.q.q2.id)!.respondents).toBe(3);
    expect(byId.get(seeded.q.q2.id)!.bars.map((b) => [b.label, b.count, b.percent])).toEqual([
      ["Prix", 1, 33.3],
      ["Confort", 2, 66.7],
      ["Écologie", 0, 0],
    ]);
    const scale = byId.get(seeded.q.q3.id)!;
    expect(scale.kind).toBe("histogram");
    expect(scale.bars).toHaveLength(10);
    expect(scale.bars.filter((b) => b.count > 0).map((b) => [b.label, b.count])).toEqual([
      ["3", 1],
      ["8", 2],
    ]);
    // Blank answers are counted as such; the RFM tag travels with the chart.
    expect(byId.get(seeded.q.q4.id)).toMatchObject({ respondents: 2, unanswered: 1, rfmTag: null });
    expect(byId.get(seeded.q.q5.id)).toMatchObject({ respondents: 2, unanswered: 1, rfmTag: "R" });
    expect(byId.get(seeded.q.q2.id)!.unanswered).toBeNull();
    expect(byId.get(seeded.q.q4.id)!.bars.map((b) => [b.key, b.count])).toEqual([
      ["yes", 1],
      ["no", 1],
    ]);
  });

  it("derives the current consent per purpose from the ledger (latest wins, ties withdraw)", async () => {
    const data = await dashboard();
    expect(data.consents.map((c) => [c.label, c.granted, c.contacts, c.rate])).toEqual([
      ["Offres de la marque par e-mail", 1, 3, 33.3],
      ["Offres des partenaires", 1, 3, 33.3],
    ]);
  });

  it("breaks responses down by UTM source and medium and by referrer host", async () => {
    const data = await dashboard();
    expect(data.sources.utm.map((s) => [s.source, s.medium, s.count]).sort()).toEqual([
      ["", "", 1],
      ["facebook", "social", 1],
      ["qr", "print", 1],
    ]);
    expect(data.sources.referrers).toEqual([
      { host: "", count: 2 },
      { host: "google.com", count: 1 },
    ]);
    expect(await q.sourceOptions(seeded.campaign.id)).toEqual(expect.arrayContaining(["qr", "facebook", "(direct)"]));
  });

  it("gives the RFM distribution in the mapping's order with the unplaced ones", async () => {
    const data = await dashboard();
    const counts = Object.fromEntries(data.rfm!.map((s) => [s.segment ?? "null", s.count]));
    expect(counts).toMatchObject({ CHAMPIONS: 1, LOST: 1, null: 1, LOYAL: 0 });
    expect(data.rfm!.at(-1)!.segment).toBeNull();
  });

  it("draws responses and views over local days (Paris), gaps included", async () => {
    const data = await dashboard({ from: "2026-11-10", to: "2026-11-12" });
    expect(data.series.granularity).toBe("day");
    expect(data.series.points).toEqual([
      { bucket: "2026-11-10", submissions: 1, views: 10 },
      { bucket: "2026-11-11", submissions: 1, views: 5 },
      { bucket: "2026-11-12", submissions: 1, views: 5 },
    ]);
    const hourly = await dashboard({ from: "2026-11-11", to: "2026-11-11" }, "hour");
    expect(hourly.series.points).toHaveLength(24);
    expect(hourly.series.points[0]).toEqual({ bucket: "2026-11-11 00h", submissions: 1, views: 5 });
  });

  it("applies the date range to every chart", async () => {
    const data = await dashboard({ from: "2026-11-11", to: "2026-11-11" });
    expect(data.totals).toMatchObject({ views: 5, submissions: 1, confirmed: 0, rejected: 0 });
    expect(data.questions[0]!.bars.map((b) => b.count)).toEqual([0, 1, 0]);
    expect(data.consents.map((c) => [c.granted, c.contacts])).toEqual([
      [0, 1],
      [0, 1],
    ]);
    expect(data.sources.utm).toEqual([{ source: "facebook", medium: "social", count: 1 }]);
    expect(data.rfm!.at(-1)).toEqual({ segment: null, count: 1 });
  });

  it("counts the same under both plans for filtered answers (narrow join, wide index scan)", async () => {
    const campaign = await q.getAnalyticsCampaign(orgA, seeded.campaign.id);
    for (const filters of [{ source: "qr" }, { from: new Date("2026-11-10T00:00:00Z"), to: new Date("2026-11-11T00:00:00Z") }, { source: "" }]) {
      const narrow = await q.questionCharts(campaign, filters, 1, "narrow");
      const wide = await q.questionCharts(campaign, filters, 1, "wide");
      expect(narrow).toEqual(wide);
    }
    const qrOnly = await q.questionCharts(campaign, { source: "qr" }, 1, "narrow");
    expect(qrOnly[0]!.bars.map((b) => b.count)).toEqual([1, 0, 0]);
    expect(qrOnly.find((c) => c.id === seeded.q.q4.id)!.bars.map((b) => b.count)).toEqual([1, 0]);
  });

  it("applies the source filter to every chart, direct traffic included", async () => {
    const qr = await dashboard({ source: "qr" });
    expect(qr.totals).toMatchObject({ views: 10, submissions: 1, confirmed: 1, rejected: 1 });
    expect(qr.questions[0]!.bars.map((b) => b.count)).toEqual([1, 0, 0]);
    expect(qr.consents.map((c) => c.granted)).toEqual([1, 1]);
    const direct = await dashboard({ source: "(direct)" });
    expect(direct.totals).toMatchObject({ views: 5, submissions: 1 });
    expect(direct.sources.referrers).toEqual([{ host: "google.com", count: 1 }]);
  });

  it("lists the open questions for word clouds, never the e-mail", async () => {
    const data = await dashboard();
    expect(data.openQuestions).toEqual([{ id: seeded.q.q6.id, label: "Vos attentes" }]);
  });
});

describe("word clouds on a small seeded database", () => {
  let seeded: Awaited<ReturnType<typeof seedSmallCampaign>>;
  let wc: typeof import("@/lib/wordcloud/queries");

  beforeAll(async () => {
    const { createAccount } = await import("@/lib/auth/sign-up");
    const { db } = await import("@/lib/db");
    const org = (await createAccount({ name: "W", organisationName: "Org W", email: "owner-w@example.test", password: "x".repeat(12) })).organisationId;
    seeded = await seedSmallCampaign(db, org);
    wc = await import("@/lib/wordcloud/queries");
  });

  it("counts the words of accepted answers on the server", async () => {
    const cloud = await wc.wordCloud(seeded.campaign.id, seeded.q.q6.id, {});
    expect(cloud).toEqual({
      answers: 3,
      words: [
        { word: "économie", count: 2 },
        { word: "bruit", count: 1 },
        { word: "confort", count: 1 },
        { word: "énergie", count: 1 },
      ],
    });
  });

  it("applies filters and the campaign's exclusions", async () => {
    const { db } = await import("@/lib/db");
    expect((await wc.wordCloud(seeded.campaign.id, seeded.q.q6.id, { source: "qr" })).words.map((w) => w.word)).toEqual(["confort", "économie"]);
    await db.campaign.update({ where: { id: seeded.campaign.id }, data: { wordExclusions: "Economie, bruit" } });
    expect((await wc.wordCloud(seeded.campaign.id, seeded.q.q6.id, {})).words.map((w) => w.word)).toEqual(["confort", "énergie"]);
    await db.campaign.update({ where: { id: seeded.campaign.id }, data: { wordExclusions: "" } });
  });

  it("lists the answers containing a clicked word, newest first", async () => {
    expect(await wc.answersWithWord(seeded.campaign.id, seeded.q.q6.id, "économie", {})).toEqual({
      total: 2,
      answers: ["Économie d’énergie", "Le confort et l'économie"],
    });
    expect(await wc.answersWithWord(seeded.campaign.id, seeded.q.q6.id, "absent", {})).toEqual({ total: 0, answers: [] });
  });

  it("refuses a question that is not an open question of the campaign", async () => {
    await expect(wc.wordCloud(seeded.campaign.id, seeded.q.q7.id, {})).rejects.toThrow(NotFound);
    await expect(wc.wordCloud(seeded.campaign.id, seeded.q.q1.id, {})).rejects.toThrow(NotFound);
    await expect(wc.wordCloud("other-campaign", seeded.q.q6.id, {})).rejects.toThrow(NotFound);
  });
});
