// The form page a QR code opens vs. a static file of the same server, at 50 concurrent connections, in
// several alternating rounds (medians): the load suite measures each target once, too few on a shared
// machine. BENCH_BEFORE_DIST names another build folder (e.g. main's code built with
// NEXT_DIST_DIR=.next-before) measured in the same rounds, on its own server.
import os from "node:os";
import autocannon from "autocannon";
import { processTreeCpuMs } from "../process-cpu";
import { benchEnv, prepare, startServer, type BenchServer } from "../server";

export const title = "Form page vs. static file, several rounds (issue 14)";

const PORT = Number(process.env.BENCH_LOAD_PORT ?? 3950);
const ROUNDS = Number(process.env.BENCH_FORM_ROUNDS ?? 5);
const DURATION_S = Number(process.env.BENCH_LOAD_SECONDS ?? 10);
const CONNECTIONS = 50;
const SLUG = "demo-poele-granules";

type Sample = { rps: number; p99: number; errors: number; cpuMs: number | null };
type Target = { label: string; server: BenchServer; path: string; headers?: Record<string, string> };

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2;
};

function cannon(target: Target): Promise<Sample> {
  const pid = target.server.process.pid;
  const cpuBefore = processTreeCpuMs(pid);
  return new Promise((resolve, reject) => {
    autocannon({ url: `${target.server.url}${target.path}`, connections: CONNECTIONS, duration: DURATION_S, pipelining: 1, headers: target.headers }, (err, r) => {
      if (err) return reject(err);
      const cpuAfter = processTreeCpuMs(pid);
      const cpuMs = cpuBefore === null || cpuAfter === null || r.requests.total === 0 ? null : (cpuAfter - cpuBefore) / r.requests.total;
      resolve({ rps: r.requests.p50, p99: r.latency.p99, errors: r.errors + r.non2xx, cpuMs });
    });
  });
}

async function serve(name: string, port: number, distDir: string): Promise<BenchServer> {
  const env = benchEnv(name, port, { NEXT_DIST_DIR: distDir });
  prepare(env);
  return startServer(env);
}

export async function run(): Promise<string> {
  const before = process.env.BENCH_BEFORE_DIST;
  const servers: Array<{ build: string; server: BenchServer }> = [{ build: "this build", server: await serve("form-page", PORT, ".next-bench") }];
  if (before) servers.push({ build: `before (${before})`, server: await serve("form-page-before", PORT + 1, before) });
  const targets: Target[] = servers.flatMap(({ build, server }) => [
    { label: `${build}: GET static file /robots.txt (baseline)`, server, path: "/robots.txt" },
    { label: `${build}: GET form page`, server, path: `/f/${SLUG}?utm_source=qr` },
    { label: `${build}: GET form page, Accept-Encoding gzip (as phones ask)`, server, path: `/f/${SLUG}?utm_source=qr`, headers: { "accept-encoding": "gzip, deflate, br" } },
  ]);
  const samples = new Map<string, Sample[]>(targets.map((t) => [t.label, []]));
  const loads: number[] = [];
  try {
    // Warm-up: the first rendering of the page, the JIT.
    for (const t of targets) for (let i = 0; i < 20; i++) await (await fetch(`${t.server.url}${t.path}`, { headers: t.headers })).arrayBuffer();
    for (let round = 0; round < ROUNDS; round++) {
      loads.push(os.loadavg()[0]!);
      for (const t of targets) samples.get(t.label)!.push(await cannon(t));
    }
    loads.push(os.loadavg()[0]!);
  } finally {
    for (const { server } of servers) await server.stop();
  }
  const rows = targets.map((t) => {
    const s = samples.get(t.label)!;
    const cpu = s.map((x) => x.cpuMs).filter((x): x is number => x !== null);
    return { label: t.label, rps: median(s.map((x) => x.rps)), p99: median(s.map((x) => x.p99)), errors: s.reduce((a, x) => a + x.errors, 0), cpuMs: cpu.length ? median(cpu) : null, all: s.map((x) => x.rps) };
  });
  const table = [
    "| target | req/s (median of rounds) | p99 ms (median) | errors (all rounds) | server CPU ms per request (median) | req/s per round |",
    "| --- | ---: | ---: | ---: | ---: | --- |",
    ...rows.map((r) => `| ${r.label} | ${r.rps} | ${r.p99} | ${r.errors} | ${r.cpuMs === null ? "n/a" : r.cpuMs.toFixed(2)} | ${r.all.join(", ")} |`),
  ].join("\n");
  const lines = [
    `Production build (scripts/server.mjs), embedded SQLite, autocannon ${DURATION_S} s per line at ${CONNECTIONS} concurrent connections (closed loop), load generator on the same machine; ${ROUNDS} rounds, each measuring every line in turn after a warm-up. 1-min load average at each round's start and at the end: ${loads.map((l) => l.toFixed(1)).join(", ")} on ${os.cpus().length} cores.`,
    "",
    table,
    "",
  ];
  for (const { build } of servers) {
    const file = rows.find((r) => r.label === `${build}: GET static file /robots.txt (baseline)`)!;
    const page = rows.find((r) => r.label === `${build}: GET form page`)!;
    // Ratio per round (both measured seconds apart), then the median: steadier than the ratio of medians.
    const perRound = samples.get(page.label)!.map((s, i) => s.rps / samples.get(file.label)![i]!.rps);
    lines.push(
      `- **${build}: form page ${page.rps} req/s vs. static file ${file.rps} req/s → ratio ${median(perRound).toFixed(2)}** (median of the rounds' ratios ${perRound.map((x) => x.toFixed(2)).join(", ")}; target ≥ 0.50), p99 ${page.p99} ms (target < 150 ms), errors ${page.errors} (target 0)${page.cpuMs !== null && file.cpuMs !== null ? `; server CPU per request ${page.cpuMs.toFixed(2)} ms vs. ${file.cpuMs.toFixed(2)} ms → ratio ${(file.cpuMs / page.cpuMs).toFixed(2)}` : ""}.`,
    );
  }
  return lines.join("\n");
}
