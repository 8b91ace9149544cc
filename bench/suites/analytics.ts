// Analytics at 100,000 responses: seeding, dashboard data, word cloud, RFM
// distribution — each a median of several runs beside a bare COUNT(*) baseline
// on the same tables, measured in the same run on a fresh SQLite file.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { migrate } from "../../tests/test-db";
import { seedLargeCampaign } from "../seed-large-campaign";

export const title = "Analytics: dashboard, word cloud, RFM at 100,000 responses";

const RESPONSES = Number(process.env.BENCH_ANALYTICS_RESPONSES ?? 100_000);
const RUNS = Number(process.env.BENCH_ANALYTICS_RUNS ?? 7);

type Timing = { median: number; best: number };

async function median(runs: number, fn: () => Promise<unknown>): Promise<Timing> {
  await fn(); // warm-up: statement preparation and page cache, as in a running server
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    await fn();
    times.push(performance.now() - started);
  }
  times.sort((a, b) => a - b);
  return { median: times[Math.floor(times.length / 2)]!, best: times[0]! };
}

const ms = (value: number) => `${value.toFixed(value < 10 ? 1 : 0)} ms`;
const both = (t: Timing) => `${ms(t.median)} (best ${ms(t.best)})`;

export async function run(): Promise<string> {
  if ((globalThis as Record<symbol, unknown>)[Symbol.for("aimant.storage")]) throw new Error("run the analytics bench alone: npm run bench -- analytics");
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "aimant-bench-analytics-"));
  const file = path.join(dir, "bench.db");
  const url = `file:${file}`;
  migrate(url);
  process.env.DATABASE_URL = url;

  const loadBefore = os.loadavg()[0]!;
  const seeded = seedLargeCampaign(file, RESPONSES);
  console.log(`  seeded ${seeded.responses} responses, ${seeded.answers} answers in ${seeded.seconds.toFixed(1)} s`);

  const { db } = await import("@/lib/db");
  const { getAnalyticsCampaign, getDashboardData, rfmDistribution } = await import("@/lib/analytics/queries");
  const { wordCloud, answersWithWord } = await import("@/lib/wordcloud/queries");
  const campaignId = seeded.campaignId;
  const openQuestion = seeded.openQuestionIds[0]!;

  const baselineResponses = await median(RUNS, () => db.$queryRaw`SELECT COUNT(*) FROM "Response" WHERE "campaignId" = ${campaignId}`);
  const baselineAnswers = await median(RUNS, () => db.$queryRaw`SELECT COUNT(*) FROM "Answer" WHERE "questionId" IN (SELECT "id" FROM "Question" WHERE "campaignId" = ${campaignId})`);
  const dashboard = await median(RUNS, async () => getDashboardData(await getAnalyticsCampaign(seeded.organisationId, campaignId), {}));
  const weekAgo = new Date(Date.now() - 7 * 86_400_000);
  const dashboardFiltered = await median(RUNS, async () =>
    getDashboardData(await getAnalyticsCampaign(seeded.organisationId, campaignId), { from: weekAgo, source: "qr" }),
  );
  const cloud = await median(RUNS, () => wordCloud(campaignId, openQuestion, {}));
  const cloudAnswers = (await wordCloud(campaignId, openQuestion, {})).answers;
  const cloudFiltered = await median(RUNS, () => wordCloud(campaignId, openQuestion, { from: weekAgo, source: "qr" }));
  // A frequent word: the LIKE prefilter keeps many rows, the tokenizer re-checks each.
  const wordList = await median(RUNS, () => answersWithWord(campaignId, openQuestion, "chaleur", {}));
  const rfm = await median(RUNS, () => rfmDistribution(campaignId, {}));
  const loadAfter = os.loadavg()[0]!;
  await db.$disconnect();
  fs.rmSync(dir, { recursive: true, force: true });

  const row = (label: string, value: string, target: string, ratio: string) => `| ${label} | ${value} | ${target} | ${ratio} |`;
  const versus = (value: Timing, base: Timing) => `${(value.median / base.median).toFixed(0)} × COUNT(*)`;
  return [
    `Campaign: ${seeded.responses.toLocaleString("en")} responses, ${seeded.answers.toLocaleString("en")} answer rows (10 closed questions, 3 RFM-tagged; 2 open),`,
    `${seeded.consentRecords.toLocaleString("en")} consent records, hourly view counters over 30 days. Fresh SQLite file (WAL), medians of ${RUNS} runs after one warm-up.`,
    `Machine load (1-min load average) ${loadBefore.toFixed(1)} at the start, ${loadAfter.toFixed(1)} at the end: other work shares the ${os.cpus().length} cores, so figures above ~1 are inflated.`,
    "",
    "| Measure | Median (best run) | Target | Median against the baseline |",
    "|---|---|---|---|",
    row("Seed the campaign (bulk prepared inserts, one transaction)", `${seeded.seconds.toFixed(1)} s`, "< 60 s", "—"),
    row("Baseline: `SELECT COUNT(*)` of the campaign's responses", both(baselineResponses), "—", "1 ×"),
    row("Baseline: `SELECT COUNT(*)` of the campaign's answers", both(baselineAnswers), "—", versus(baselineAnswers, baselineResponses)),
    row("Dashboard data, no filter (all charts)", both(dashboard), "< 500 ms", versus(dashboard, baselineResponses)),
    row("Dashboard data, last 7 days + source = qr", both(dashboardFiltered), "< 500 ms", versus(dashboardFiltered, baselineResponses)),
    row(`Word cloud of one open question (${cloudAnswers.toLocaleString("en")} answers)`, both(cloud), "< 1 s", versus(cloud, baselineResponses)),
    row("Word cloud, last 7 days + source = qr", both(cloudFiltered), "—", versus(cloudFiltered, baselineResponses)),
    row("Answers containing a clicked word (a frequent one)", both(wordList), "—", versus(wordList, baselineResponses)),
    row("RFM distribution", both(rfm), "< 300 ms", versus(rfm, baselineResponses)),
  ].join("\n");
}
