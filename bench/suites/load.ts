// Load on the public path of a production build (`npm start`'s server, embedded SQLite):
// real submissions vs. a bare insert route, the form page, and the JavaScript
// a phone downloads for the form vs. a bare page of the same build.
import autocannon from "autocannon";
import { FORM_JS_BUDGET_BYTES, jsWeights } from "../js-weight";
import { processTreeCpuMs } from "../process-cpu";
import { instancesSection, runInstances } from "../load-instances";
import type { BenchOptions } from "../options";
import { benchEnv, prepare, startServer } from "../server";
import { fetchStartToken, submissionBody } from "../submission-body";

export const title = "Load: public submissions and form page (issues 7 and 14)";

// BENCH_LOAD_PORT: to run beside other servers of a shared machine.
const PORT = Number(process.env.BENCH_LOAD_PORT ?? 3950);
const DURATION_S = Number(process.env.BENCH_LOAD_SECONDS ?? 10);
const CONNECTIONS = [1, 50, 200];
const SLUG = "demo-poele-granules";

type Row = { target: string; connections: number; rps: number; p50: number; p99: number; errors: number; timeouts: number; non2xx: number; total: number; answered2xx: number; cpuMs: number | null };
type Run = autocannon.Result & { answered2xx: number; cpuMs: number | null };

/** The server's process, whose CPU time each run reads before and after. */
let serverPid: number | undefined;

/** One autocannon run, counting the 2xx answers it received itself (its totals leave out some at the end). */
function cannon(url: string, connections: number, opts: Partial<autocannon.Options>): Promise<Run> {
  return new Promise((resolve, reject) => {
    let answered2xx = 0;
    const cpuBefore = processTreeCpuMs(serverPid);
    const instance = autocannon({ url, connections, duration: DURATION_S, pipelining: 1, ...opts }, (err, result) => {
      const cpuAfter = processTreeCpuMs(serverPid);
      const cpuMs = cpuBefore === null || cpuAfter === null ? null : cpuAfter - cpuBefore;
      return err ? reject(err) : resolve({ ...result, answered2xx, cpuMs });
    });
    instance.on("response", (_client: unknown, statusCode: number) => {
      if (statusCode >= 200 && statusCode < 300) answered2xx++;
    });
  });
}

function rowOf(target: string, connections: number, r: Run): Row {
  return {
    target,
    connections,
    rps: r.requests.p50,
    p50: r.latency.p50,
    p99: r.latency.p99,
    errors: r.errors,
    timeouts: r.timeouts,
    non2xx: r.non2xx,
    total: r.requests.total,
    answered2xx: r.answered2xx,
    cpuMs: r.cpuMs === null || r.requests.total === 0 ? null : r.cpuMs / r.requests.total,
  };
}

/** With options (`--postgres <server URL>`, `--instances <n>`, `--rounds <n>`), the several-instances measure of issue 12. */
const severalInstances = (options: BenchOptions) => Boolean(options.postgres || options.instances || options.rounds);

export function section(options: BenchOptions): { name: string; title: string } | undefined {
  return severalInstances(options) ? instancesSection(options) : undefined;
}

export async function run(options: BenchOptions = {}): Promise<string> {
  if (severalInstances(options)) return runInstances(options);
  let env = benchEnv("load", PORT);
  prepare(env);
  // The demo seed made the organisation and the open contest; read what the load needs.
  process.env.DATABASE_URL = `file:${process.cwd()}/${env.AIMANT_DATA_DIR}/aimant.db`;
  const { db } = await import("@/lib/db");
  const { findPublishedCampaign, formDefinitionOf } = await import("@/lib/submission/load");
  const campaign = await findPublishedCampaign(SLUG);
  if (!campaign) throw new Error("demo campaign missing");
  const form = formDefinitionOf(campaign);
  env = { ...env, AIMANT_SUBMIT_IP_LIMIT: "1000000000", AIMANT_BENCH_BASELINE_ORG: campaign.organisationId };
  const server = await startServer(env);
  serverPid = server.process.pid;
  const rows: Row[] = [];
  try {
    const token = await fetchStartToken(server.url, SLUG);
    await new Promise((r) => setTimeout(r, 2500)); // the token must be older than the minimum fill time
    const headers = { "content-type": "application/json", origin: server.url };
    let seq = 0;
    const uniqueBody = (prefix: string) => () => JSON.stringify(submissionBody(form, `${prefix}-${Date.now().toString(36)}-${seq++}@bench.test`, token));
    const before = await db.response.count({ where: { campaignId: campaign.id } });

    for (const connections of CONNECTIONS) {
      const baseline = await cannon(`${server.url}/api/bench/baseline`, connections, {
        method: "POST",
        headers,
        requests: [{ setupRequest: (req) => ({ ...req, body: uniqueBody("base")() }) }],
      });
      rows.push(rowOf("bare insert route (baseline)", connections, baseline));
      const submit = await cannon(`${server.url}/api/f/${SLUG}/submit`, connections, {
        method: "POST",
        headers,
        requests: [{ setupRequest: (req) => ({ ...req, body: uniqueBody("load")() }) }],
      });
      rows.push(rowOf("real submission", connections, submit));
      // A static file of the same server (public/, through the same proxy.ts) is the form page's baseline.
      const file = await cannon(`${server.url}/robots.txt`, connections, {});
      rows.push(rowOf("GET static file /robots.txt (baseline)", connections, file));
      const page = await cannon(`${server.url}/f/${SLUG}?utm_source=qr`, connections, {});
      rows.push(rowOf("GET form page", connections, page));
    }
    const accepted = (await db.response.count({ where: { campaignId: campaign.id, status: "ACCEPTED" } })) - before;
    const submits = rows.filter((r) => r.target === "real submission");
    // Sent but never answered: the last request of each connection, and those given up on (timeouts, resets).
    const inFlight = submits.reduce((a, r) => a + r.connections + r.errors, 0);
    const successes = submits.reduce((a, r) => a + r.answered2xx, 0);

    const form50 = rows.find((r) => r.target === "real submission" && r.connections === 50)!;
    const base50 = rows.find((r) => r.target.startsWith("bare") && r.connections === 50)!;
    const page50 = rows.find((r) => r.target === "GET form page" && r.connections === 50)!;
    const file50 = rows.find((r) => r.target.startsWith("GET static file") && r.connections === 50)!;
    const [formJs, bareJs] = await jsWeights(server.url, [`/f/${SLUG}`, "/sante"]);

    const table = [
      "| target | concurrent | req/s (median of 1 s samples) | p50 ms | p99 ms | errors (of which 10 s timeouts) | non-2xx | requests | server CPU ms per request |",
      "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
      ...rows.map((r) => `| ${r.target} | ${r.connections} | ${r.rps} | ${r.p50} | ${r.p99} | ${r.errors} (${r.timeouts}) | ${r.non2xx} | ${r.total} | ${r.cpuMs === null ? "n/a" : r.cpuMs.toFixed(2)} |`),
    ].join("\n");
    return [
      `Production build (\`npm start\`'s server, scripts/server.mjs), embedded SQLite (WAL), autocannon ${DURATION_S} s per line (closed loop: each connection sends its next request when the last is answered), load generator on the same 2-core machine. A real submission: same-origin and rate checks, the campaign's zod schema, start token (fill time), contact upsert, entry, answers, consent records with the exact wording, opt-in token and the rendered confirmation mail in the outbox, one transaction. The baseline parses the same JSON body and inserts one row through the same write path (\`writeTransaction\`: writer queue, group commit), nothing else.`,
      "",
      table,
      "",
      `- **Submissions at 50 concurrent: ${form50.rps} req/s vs. baseline ${base50.rps} req/s → ratio ${(form50.rps / base50.rps).toFixed(2)}** (target ≥ 0.70), p99 ${form50.p99} ms (target < 150 ms), errors ${form50.errors + form50.non2xx} (target 0).${form50.cpuMs !== null && base50.cpuMs !== null ? ` Server CPU per request: ${form50.cpuMs.toFixed(2)} ms vs. ${base50.cpuMs.toFixed(2)} ms → ratio ${(base50.cpuMs / form50.cpuMs).toFixed(2)} (steadier than req/s on a shared machine).` : ""} With ${form50.connections} connections in a closed loop the mean latency is ${form50.connections} ÷ throughput (Little's law): a p99 under 150 ms needs more than ${Math.ceil((form50.connections * 1000) / 150)} req/s; the bare insert route of this run did ${base50.rps} req/s with a p99 of ${base50.p99} ms.`,
      `- **Form page at 50 concurrent: ${page50.rps} req/s vs. static file ${file50.rps} req/s → ratio ${(page50.rps / file50.rps).toFixed(2)}** (target ≥ 0.50), p99 ${page50.p99} ms (target < 150 ms), errors ${page50.errors + page50.non2xx} (target 0).`,
      `- Integrity: ${successes} submissions answered 2xx, ${accepted} accepted entries in the database afterwards; the difference (${accepted - successes}) must not exceed the ${inFlight} requests left unanswered (in flight when autocannon stopped each run, or given up after a timeout: committed by the server, never answered to it)${accepted >= successes && accepted - successes <= inFlight ? ": consistent" : ": MISMATCH"}.`,
      `- JavaScript a phone (Pixel 7 profile, Chromium) downloads for \`/f/[slug]\`, every script until the network is idle: ${(formJs!.bytes / 1024).toFixed(1)} KB gzip in ${formJs!.files} files; bare page \`/sante\` of the same build: ${(bareJs!.bytes / 1024).toFixed(1)} KB gzip in ${bareJs!.files} files → the form adds **${((formJs!.bytes - bareJs!.bytes) / 1024).toFixed(1)} KB** (target ≤ ${FORM_JS_BUDGET_BYTES / 1024} KB${formJs!.bytes - bareJs!.bytes > FORM_JS_BUDGET_BYTES ? ": OVER BUDGET" : ""}; e2e/js-weight.mobile.spec.ts holds it).`,
    ].join("\n");
  } finally {
    await server.stop();
    await db.$disconnect();
  }
}
