// What the draw/export and analysis-export suites share: a fresh SQLite file
// with a small and a large seeded contest, a reader that drains an export like
// an HTTP response while sampling the peak RSS, and the loop that exports small
// first then large and reads each run's row count from its audit line.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { migrate } from "../tests/test-db";
import { seedDrawExportCampaign, type DrawExportCampaign } from "./draw-export-seed";

export const mb = (bytes: number) => `${(bytes / 2 ** 20).toFixed(1)} MB`;
export const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
/** The lead export's memory target: peak RSS growth while streaming 100,000 rows. */
export const MEMORY_LIMIT = 100 * 2 ** 20;

export type ExportRun = { bytes: number; peakGrowth: number; ms: number; rows: number };

/** A fresh database (the only one lib/db will open in this process) with a small and a large contest; `cleanup` disconnects and deletes it. */
export async function seededExportBench(suite: string, sizes: { small: number; large: number }) {
  if ((globalThis as Record<symbol, unknown>)[Symbol.for("aimant.storage")]) throw new Error(`run this bench alone: npm run bench -- ${suite}`);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `aimant-bench-${suite}-`));
  const file = path.join(dir, "bench.db");
  const url = `file:${file}`;
  migrate(url);
  process.env.DATABASE_URL = url;
  process.env.AIMANT_DATA_DIR = dir;
  const small = await seedDrawExportCampaign(file, sizes.small, "s");
  const large = await seedDrawExportCampaign(file, sizes.large, "l");
  console.log(`  seeded ${large.entries} + ${small.entries} entries in ${(large.seconds + small.seconds).toFixed(1)} s`);
  const { db } = await import("@/lib/db");
  const cleanup = async () => {
    await db.$disconnect();
    fs.rmSync(dir, { recursive: true, force: true });
  };
  return { db, small, large, cleanup };
}

/** The bench's owner of a seeded contest, as the session would give it. */
export const benchMember = (c: DrawExportCampaign) => ({ userId: c.userId, email: "bench@bench.test", name: "Bench", organisationId: c.organisationId, organisationName: "Bench", role: "OWNER" as const });

/** Reads a stream to the end like an HTTP response would, tracking the process's peak RSS while it runs. */
async function drain(stream: ReadableStream<Uint8Array>): Promise<Omit<ExportRun, "rows">> {
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

/**
 * Runs an export `runs.small` times on the small contest, then `runs.large` times on the large one
 * (small first, so the large one cannot benefit from memory the small one grew). `start` plans the
 * export and returns its stream; the row count is read from the audit line the export writes.
 */
export async function timeExports(
  bench: Awaited<ReturnType<typeof seededExportBench>>,
  runs: { small: number; large: number },
  auditAction: string,
  start: (c: DrawExportCampaign) => Promise<ReadableStream<Uint8Array>>,
): Promise<{ small: ExportRun[]; large: ExportRun[] }> {
  const once = async (c: DrawExportCampaign): Promise<ExportRun> => {
    const result = await drain(await start(c)); // timed from the first byte asked, planning excluded
    const audit = await bench.db.auditLog.findFirstOrThrow({ where: { organisationId: c.organisationId, action: auditAction }, orderBy: { createdAt: "desc" } });
    return { ...result, rows: (JSON.parse(audit.details) as { rowCount: number }).rowCount };
  };
  const small: ExportRun[] = [];
  for (let i = 0; i < runs.small; i++) small.push(await once(bench.small));
  const large: ExportRun[] = [];
  for (let i = 0; i < runs.large; i++) large.push(await once(bench.large));
  return { small, large };
}

/** Whether the large runs kept within the memory target: by the median, and by every run. */
export function memoryVerdict(large: ExportRun[]): string {
  const peak = median(large.map((r) => r.peakGrowth));
  const worst = Math.max(...large.map((r) => r.peakGrowth));
  return peak >= MEMORY_LIMIT ? "**missed**" : worst >= MEMORY_LIMIT ? "met by the median; **the worst run went over**" : "met by every run";
}
