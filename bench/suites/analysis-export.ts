// The analysis export (every response, answers and scores, contact details where
// consent counts) at 100,000 responses, as XLSX (exceljs's streaming writer) and
// CSV: time and peak memory growth against a 1,000-row export and against the
// export target of the lead export (< 100 MB growth), on a fresh SQLite file.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { migrate } from "../../tests/test-db";
import { seedDrawExportCampaign } from "../draw-export-seed";

export const title = "Analysis export (XLSX and CSV) at 100,000 responses";

const LARGE = Number(process.env.BENCH_ANALYSIS_ENTRIES ?? 100_000);
const SMALL = Number(process.env.BENCH_ANALYSIS_SMALL_ENTRIES ?? 1_000);
const RUNS = Number(process.env.BENCH_ANALYSIS_RUNS ?? 3);

const mb = (bytes: number) => `${(bytes / 2 ** 20).toFixed(1)} MB`;
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

/** Reads a stream to the end like an HTTP response would, tracking the process's peak RSS while it runs. */
async function drain(stream: ReadableStream<Uint8Array>): Promise<{ bytes: number; peakGrowth: number; ms: number }> {
  const started = performance.now();
  const start = process.memoryUsage.rss();
  let peak = start;
  const sample = () => {
    peak = Math.max(peak, process.memoryUsage.rss());
  };
  const timer = setInterval(sample, 5);
  const reader = stream.getReader();
  let bytes = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    bytes += value.byteLength;
    sample();
  }
  clearInterval(timer);
  sample();
  return { bytes, peakGrowth: peak - start, ms: performance.now() - started };
}

export async function run(): Promise<string> {
  if ((globalThis as Record<symbol, unknown>)[Symbol.for("aimant.storage")]) throw new Error("run this bench alone: npm run bench -- analysis-export");
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "aimant-bench-analysis-"));
  const file = path.join(dir, "bench.db");
  const url = `file:${file}`;
  migrate(url);
  process.env.DATABASE_URL = url;
  process.env.AIMANT_DATA_DIR = dir;
  const small = await seedDrawExportCampaign(file, SMALL, "s");
  const large = await seedDrawExportCampaign(file, LARGE, "l");
  console.log(`  seeded ${large.entries} + ${small.entries} entries in ${(large.seconds + small.seconds).toFixed(1)} s`);

  const { db } = await import("@/lib/db");
  const { planAnalysisExport, analysisStream } = await import("@/lib/export/analysis-queries");
  const member = (c: typeof large) => ({ userId: c.userId, email: "bench@bench.test", name: "Bench", organisationId: c.organisationId, organisationName: "Bench", role: "OWNER" as const });
  const exportOnce = async (c: typeof large, format: "xlsx" | "csv") => {
    const plan = await planAnalysisExport(c.organisationId, c.campaignId, { format });
    const result = await drain(analysisStream(member(c), plan));
    const audit = await db.auditLog.findFirstOrThrow({ where: { organisationId: c.organisationId, action: "export.analysis" }, orderBy: { createdAt: "desc" } });
    return { ...result, rows: (JSON.parse(audit.details) as { rowCount: number }).rowCount };
  };
  type Run = Awaited<ReturnType<typeof exportOnce>>;
  const results: Record<string, { small: Run[]; large: Run[] }> = {};
  for (const format of ["xlsx", "csv"] as const) {
    // Small first, so the large one cannot benefit from memory the small one grew.
    const smallRuns: Run[] = [];
    for (let i = 0; i < RUNS; i++) smallRuns.push(await exportOnce(small, format));
    const largeRuns: Run[] = [];
    for (let i = 0; i < RUNS; i++) largeRuns.push(await exportOnce(large, format));
    results[format] = { small: smallRuns, large: largeRuns };
  }
  await db.$disconnect();
  fs.rmSync(dir, { recursive: true, force: true });

  const limit = 100 * 2 ** 20;
  const lines: string[] = [];
  for (const [format, { small: s, large: l }] of Object.entries(results)) {
    const peak = median(l.map((r) => r.peakGrowth));
    const worst = Math.max(...l.map((r) => r.peakGrowth));
    const verdict = peak >= limit ? "**missed**" : worst >= limit ? "met by the median; **the worst run went over**" : "met by every run";
    const ms = median(l.map((r) => r.ms));
    lines.push(`| ${format.toUpperCase()}: ${l[0]!.rows.toLocaleString("en")} rows, ${mb(l[0]!.bytes)} | ${(ms / 1000).toFixed(1)} s | ${median(s.map((r) => r.ms)).toFixed(0)} ms for ${s[0]!.rows.toLocaleString("en")} rows | ${mb(peak)} (runs: ${l.map((r) => mb(r.peakGrowth).replace(" MB", "")).join(", ")} MB; at most ${mb(Math.max(...s.map((r) => r.peakGrowth)))} for ${s[0]!.rows.toLocaleString("en")} rows) | < 100 MB: ${verdict} |`);
  }
  return [
    `Machine load average when the run ended: ${os.loadavg()[0]!.toFixed(1)} on ${os.cpus().length} cores. Fresh SQLite file; the seeded contest of bench/draw-export-seed.ts (${large.entries.toLocaleString("en")} responses, and ${small.entries.toLocaleString("en")} for the memory baseline). Every accepted response, its answers, scores and the consent of each purpose (the SQL twin of the consent rule), contact details where consent counts; medians of ${RUNS} runs per format. The target is the lead export's: peak RSS growth < 100 MB while streaming 100,000 rows.`,
    "",
    "| Export | Median time | Small export | Peak RSS growth (median) | Target |",
    "| --- | --- | --- | --- | --- |",
    ...lines,
    "",
    "Both formats pull one batch of 500 rows from the database when the reader has taken the previous bytes; XLSX rows are committed to exceljs's streaming writer as they come and deflated into the response, so the workbook is never whole in memory.",
  ].join("\n");
}
