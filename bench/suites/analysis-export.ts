// The analysis export (every response, answers and scores, contact details where
// consent counts) at 100,000 responses, as XLSX (exceljs's streaming writer) and
// CSV: time and peak memory growth against a 1,000-row export and against the
// export target of the lead export (< 100 MB growth), on a fresh SQLite file.
import os from "node:os";
import { benchMember, mb, median, memoryVerdict, seededExportBench, timeExports, type ExportRun } from "../export-bench";

export const title = "Analysis export (XLSX and CSV) at 100,000 responses";

const LARGE = Number(process.env.BENCH_ANALYSIS_ENTRIES ?? 100_000);
const SMALL = Number(process.env.BENCH_ANALYSIS_SMALL_ENTRIES ?? 1_000);
const RUNS = Number(process.env.BENCH_ANALYSIS_RUNS ?? 3);

export async function run(): Promise<string> {
  const bench = await seededExportBench("analysis-export", { small: SMALL, large: LARGE });
  const { small, large } = bench;
  const { planAnalysisExport, analysisStream } = await import("@/lib/export/analysis-queries");
  const results: Record<string, { small: ExportRun[]; large: ExportRun[] }> = {};
  for (const format of ["xlsx", "csv"] as const) {
    results[format] = await timeExports(bench, { small: RUNS, large: RUNS }, "export.analysis", async (c) => analysisStream(benchMember(c), await planAnalysisExport(c.organisationId, c.campaignId, { format })));
  }
  await bench.cleanup();

  const lines: string[] = [];
  for (const [format, { small: s, large: l }] of Object.entries(results)) {
    const peak = median(l.map((r) => r.peakGrowth));
    const verdict = memoryVerdict(l);
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
