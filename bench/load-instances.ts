// The load suite's measure of submissions on one database and one or more instances (issue 12):
// `npm run bench -- load [--postgres <server URL>] [--instances <n>] [--rounds <n>]`.
// Each round sends a fixed number of requests (autocannon `amount`, 50 connections) to the bare
// insert route, then as many real submissions, so every request is answered and the rows added
// can be counted against the 2xx answers (0 lost, 0 extra). Then a duplicate-pairs phase: the same
// address posted twice at once, through the proxy to two instances. Figures: medians of the rounds,
// each round's ratio against the baseline measured just before it.
import { spawn, type ChildProcess } from "node:child_process";
import os from "node:os";
import autocannon from "autocannon";
import pg from "pg";
import type { BenchOptions } from "./options";
import { processTreeCpuMs } from "./process-cpu";
import { benchEnv, prepare, startServer, waitFor, type BenchServer } from "./server";
import { fetchStartToken, submissionBody } from "./submission-body";

const SLUG = "demo-poele-granules";
const CONNECTIONS = Number(process.env.BENCH_LOAD_CONNECTIONS ?? 50);
const REQUESTS = Number(process.env.BENCH_LOAD_REQUESTS ?? 3000);
const PAIRS = Number(process.env.BENCH_LOAD_PAIRS ?? 300);
const AUTH_SECRET = "bench-several-instances-shared-secret-0123456789abcdef";

export function instancesSection(options: BenchOptions): { name: string; title: string } {
  const n = options.instances ?? 1;
  const database = options.postgres ? "PostgreSQL" : "SQLite";
  const where = n > 1 ? `${n} instances behind the round-robin proxy` : "one instance";
  return { name: `load-${database.toLowerCase()}-${n}-instance${n > 1 ? "s" : ""}`, title: `Load on ${database}, ${where}: submissions vs. a bare insert (issue 12)` };
}

type Measure = { rps: number; answered2xx: number; non2xx: number; errors: number; p50: number; p99: number; cpuMs: number | null; added: number };

const median = (values: number[]) => {
  const sorted = values.slice().sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
};

function cpuOf(pids: number[]): number | null {
  let total = 0;
  for (const pid of pids) {
    const ms = processTreeCpuMs(pid);
    if (ms === null) return null;
    total += ms;
  }
  return total;
}

/** A fixed number of POSTs at CONNECTIONS concurrent; resolves when every one was answered. */
function cannon(url: string, body: () => string, origin: string, pids: number[]): Promise<Omit<Measure, "added">> {
  return new Promise((resolve, reject) => {
    let answered2xx = 0;
    const cpuBefore = cpuOf(pids);
    const started = process.hrtime.bigint();
    const instance = autocannon(
      { url, connections: CONNECTIONS, amount: REQUESTS, pipelining: 1, timeout: 30, method: "POST", headers: { "content-type": "application/json", origin }, requests: [{ setupRequest: (req) => ({ ...req, body: body() }) }] },
      (err, result) => {
        if (err) return reject(err);
        const seconds = Number(process.hrtime.bigint() - started) / 1e9;
        const cpuAfter = cpuOf(pids);
        resolve({
          rps: answered2xx / seconds,
          answered2xx,
          non2xx: result.non2xx,
          errors: result.errors,
          p50: result.latency.p50,
          p99: result.latency.p99,
          cpuMs: cpuBefore === null || cpuAfter === null ? null : (cpuAfter - cpuBefore) / Math.max(1, result.requests.total),
        });
      },
    );
    instance.on("response", (_client: unknown, statusCode: number) => {
      if (statusCode >= 200 && statusCode < 300) answered2xx++;
    });
  });
}

async function adminQuery(adminUrl: string, sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

function startProxy(port: number, upstreams: string[]): Promise<ChildProcess> {
  const child = spawn(process.execPath, ["scripts/round-robin-proxy.mjs", String(port), ...upstreams], { stdio: ["ignore", "ignore", "inherit"] });
  return waitFor(`http://127.0.0.1:${port}/sante`, 30_000).then(() => child);
}

export async function runInstances(options: BenchOptions): Promise<string> {
  const instances = options.instances ?? 1;
  const rounds = options.rounds ?? 5;
  if (instances > 1 && !options.postgres) throw new Error("several instances need a shared database: add --postgres <server URL>");
  const base = Number(process.env.BENCH_LOAD_PORT ?? 3950);
  const loadAtStart = os.loadavg();

  // A scratch database on the given server, dropped at the end.
  let databaseUrl = "";
  let scratch = "";
  if (options.postgres) {
    scratch = `aimant_bench_${Date.now().toString(36)}`;
    await adminQuery(options.postgres, `CREATE DATABASE "${scratch}"`);
    const url = new URL(options.postgres);
    url.pathname = `/${scratch}`;
    databaseUrl = url.toString();
  }
  const name = instancesSection(options).name;
  const shared = { AIMANT_SUBMIT_IP_LIMIT: "1000000000", ...(databaseUrl ? { DATABASE_URL: databaseUrl, AUTH_SECRET } : {}) };
  const seedEnv = benchEnv(name, base, shared);
  prepare(seedEnv);
  process.env.DATABASE_URL = databaseUrl || `file:${process.cwd()}/${seedEnv.AIMANT_DATA_DIR}/aimant.db`;
  if (databaseUrl) process.env.AUTH_SECRET = AUTH_SECRET;
  const { db } = await import("@/lib/db");
  const { findPublishedCampaign, formDefinitionOf } = await import("@/lib/submission/load");
  const campaign = await findPublishedCampaign(SLUG);
  if (!campaign) throw new Error("demo campaign missing");
  const form = formDefinitionOf(campaign);

  // Instances on base+1…; with more than one, the proxy on base answers for them (as the public address).
  const publicUrl = instances > 1 ? `http://127.0.0.1:${base}` : `http://127.0.0.1:${base + 1}`;
  const servers: BenchServer[] = [];
  let proxy: ChildProcess | undefined;
  try {
    for (let i = 1; i <= instances; i++) {
      const env = benchEnv(instances > 1 ? `${name}-${i}` : name, base + i, { ...shared, AIMANT_BENCH_BASELINE_ORG: campaign.organisationId, NEXTAUTH_URL: publicUrl, ...(instances > 1 ? { AIMANT_TRUSTED_PROXY_HOPS: "1" } : {}) });
      if (!databaseUrl) env.AIMANT_DATA_DIR = seedEnv.AIMANT_DATA_DIR;
      servers.push(await startServer(env));
    }
    if (instances > 1) proxy = await startProxy(base, servers.map((s) => `http://127.0.0.1:${s.env.PORT}`));
    const pids = servers.map((s) => s.process.pid!).filter(Boolean);

    const token = await fetchStartToken(publicUrl, SLUG);
    await new Promise((r) => setTimeout(r, 2500)); // older than the minimum fill time
    let seq = 0;
    const unique = (prefix: string) => () => JSON.stringify(submissionBody(form, `${prefix}-${Date.now().toString(36)}-${seq++}@bench.test`, token));
    const baselineRows = () => db.auditLog.count({ where: { action: "bench.baseline" } });
    const entries = () => db.response.count({ where: { campaignId: campaign.id, status: "ACCEPTED" } });

    // One short warm-up of each path (JIT, pools), not counted.
    await Promise.all([fetch(`${publicUrl}/api/bench/baseline`, { method: "POST", headers: { "content-type": "application/json", origin: publicUrl }, body: unique("warm")() }), fetch(`${publicUrl}/api/f/${SLUG}/submit`, { method: "POST", headers: { "content-type": "application/json", origin: publicUrl }, body: unique("warm")() })]);

    const results: Array<{ baseline: Measure; submit: Measure }> = [];
    for (let round = 0; round < rounds; round++) {
      let before = await baselineRows();
      const baseline = await cannon(`${publicUrl}/api/bench/baseline`, unique("base"), publicUrl, pids);
      const baselineAdded = (await baselineRows()) - before;
      before = await entries();
      const submit = await cannon(`${publicUrl}/api/f/${SLUG}/submit`, unique("load"), publicUrl, pids);
      const submitAdded = (await entries()) - before;
      results.push({ baseline: { ...baseline, added: baselineAdded }, submit: { ...submit, added: submitAdded } });
      console.log(`  round ${round + 1}: baseline ${baseline.rps.toFixed(0)}/s, submissions ${submit.rps.toFixed(0)}/s (${(submit.rps / baseline.rps).toFixed(2)})`);
    }

    // Duplicate pairs: the same address posted twice at once; with two instances behind the proxy, consecutive
    // requests go to the two instances (X-Upstream says which).
    const pairEmails: string[] = [];
    let pairs2xx = 0;
    let pairsOther = 0;
    let split = 0;
    for (let i = 0; i < PAIRS; i++) {
      const email = `pair-${Date.now().toString(36)}-${i}@bench.test`;
      pairEmails.push(email);
      const body = JSON.stringify(submissionBody(form, email, token));
      const answers = await Promise.all([0, 1].map(() => fetch(`${publicUrl}/api/f/${SLUG}/submit`, { method: "POST", headers: { "content-type": "application/json", origin: publicUrl }, body })));
      for (const a of answers) {
        await a.arrayBuffer();
        if (a.ok) pairs2xx++;
        else pairsOther++;
      }
      if (new Set(answers.map((a) => a.headers.get("x-upstream"))).size === 2) split++;
    }
    const perAddress = await db.response.groupBy({ by: ["dedupeKey"], where: { campaignId: campaign.id, dedupeKey: { in: pairEmails } }, _count: { _all: true } });
    const twice = perAddress.filter((r) => r._count._all > 1).length;
    const stored = perAddress.length;
    const repeatMails = await db.outboxMail.count({ where: { kind: "entry.repeat", toAddress: { in: pairEmails } } });
    const loadAtEnd = os.loadavg();

    const ratio = results.map((r) => r.submit.rps / r.baseline.rps);
    const lost = results.reduce((a, r) => a + (r.submit.answered2xx - r.submit.added) + (r.baseline.answered2xx - r.baseline.added), 0);
    const extra = results.reduce((a, r) => a + Math.max(0, r.submit.added - r.submit.answered2xx) + Math.max(0, r.baseline.added - r.baseline.answered2xx), 0);
    const errors = results.reduce((a, r) => a + r.submit.errors + r.submit.non2xx + r.baseline.errors + r.baseline.non2xx, 0);
    const cpu = (m: Measure) => (m.cpuMs === null ? "n/a" : m.cpuMs.toFixed(2));
    const where = instances > 1 ? `${instances} instances (\`scripts/server.mjs\`, as \`npm start\` serves) behind \`scripts/round-robin-proxy.mjs\`` : "one instance (`scripts/server.mjs`, as `npm start` serves), no proxy";
    const database = options.postgres ? "PostgreSQL 15 on the same machine (a scratch database, dropped afterwards)" : "embedded SQLite (WAL)";
    return [
      `Production build with the bench route (AIMANT_BENCH=1), ${where}, ${database}; autocannon on the same 2-core machine, ${CONNECTIONS} connections, ${REQUESTS} requests per line (closed loop, every request answered before the line ends, so rows can be counted against answers). Each round: the bare insert route (same JSON body, one row through \`writeTransaction\`), then real submissions (the whole public path: checks, schema, start token, contact, entry, answers, consents, opt-in token, mail in the outbox). ${rounds} rounds; the ratio of each round is against the baseline of that round.`,
      "",
      "| round | baseline req/s | submissions req/s | ratio | submissions p50 / p99 ms | app CPU ms per submission / per baseline insert | errors + non-2xx | 2xx answered vs. rows added (baseline; submissions) |",
      "| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
      ...results.map(
        (r, i) =>
          `| ${i + 1} | ${r.baseline.rps.toFixed(0)} | ${r.submit.rps.toFixed(0)} | ${(r.submit.rps / r.baseline.rps).toFixed(2)} | ${r.submit.p50} / ${r.submit.p99} | ${cpu(r.submit)} / ${cpu(r.baseline)} | ${r.submit.errors + r.submit.non2xx + r.baseline.errors + r.baseline.non2xx} | ${r.baseline.answered2xx} vs. ${r.baseline.added}; ${r.submit.answered2xx} vs. ${r.submit.added} |`,
      ),
      "",
      `- **Submissions: median ${median(results.map((r) => r.submit.rps)).toFixed(0)} req/s vs. baseline median ${median(results.map((r) => r.baseline.rps)).toFixed(0)} req/s; median of the rounds' ratios ${median(ratio).toFixed(2)}** (target ≥ 0.50${median(ratio) >= 0.5 ? ": met" : ": NOT met"}; rounds ${ratio.map((x) => x.toFixed(2)).join(", ")}).`,
      `- Errors and non-2xx answers: ${errors} (target 0). Lost (answered 2xx, no row): ${lost}; rows without a 2xx answer: ${extra} (target 0 and 0).`,
      `- Duplicate pairs: ${PAIRS} addresses each posted twice at once${instances > 1 ? `, ${split} of the pairs split across two instances (X-Upstream)` : " to the one instance"}: ${pairs2xx} answers 2xx, ${pairsOther} other (every repeat answers like an entry); ${stored} entries stored for the ${PAIRS} addresses, ${twice} address(es) with two entries (target 0); ${repeatMails} "already entered" mails queued (one per pair).`,
      `- Machine load average (1, 5, 15 min) at the start: ${loadAtStart.map((x) => x.toFixed(1)).join(", ")}; at the end: ${loadAtEnd.map((x) => x.toFixed(1)).join(", ")} on ${os.cpus().length} cores shared with other engineers' builds: compare each figure with its own baseline, not across sections.`,
    ].join("\n");
  } finally {
    await Promise.all(servers.map((s) => s.stop()));
    proxy?.kill("SIGTERM");
    await db.$disconnect();
    if (scratch && options.postgres) await adminQuery(options.postgres, `DROP DATABASE IF EXISTS "${scratch}" WITH (FORCE)`).catch((e) => console.error(`could not drop ${scratch}: ${String(e)}`));
  }
}
