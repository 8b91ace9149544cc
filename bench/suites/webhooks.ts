// CRM webhooks: 10,000 lead.confirmed events delivered to a local receiver that
// verifies every signature (throughput), and the public path's throughput with
// and without an endpoint subscribed to every event, measured in the same run,
// alternating, with the webhook worker running as in the server.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { spawnSync } from "node:child_process";
import { migrate } from "../../tests/test-db";
import { startReceiver } from "../../tests/integration/webhook-receiver";
import { submissionBody } from "../submission-body";

export const title = "CRM webhooks: delivery throughput and the submission path with an endpoint subscribed";

const EVENTS = Number(process.env.BENCH_WEBHOOK_EVENTS ?? 10_000);
const SUBMISSIONS = Number(process.env.BENCH_WEBHOOK_SUBMISSIONS ?? 200);
const CONCURRENCY = Number(process.env.BENCH_WEBHOOK_CONCURRENCY ?? 20);
const ROUNDS = Number(process.env.BENCH_WEBHOOK_ROUNDS ?? 3);
const SLUG = "demo-poele-granules";

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

/** Runs `count` operations, `concurrency` at a time; returns operations per second. */
async function opsPerSecond(count: number, concurrency: number, op: (i: number) => Promise<unknown>): Promise<number> {
  let next = 0;
  const started = performance.now();
  await Promise.all(Array.from({ length: concurrency }, async () => {
    while (next < count) await op(next++);
  }));
  return count / ((performance.now() - started) / 1000);
}

export async function run(): Promise<string> {
  if ((globalThis as Record<symbol, unknown>)[Symbol.for("aimant.storage")]) throw new Error("run this bench alone: npm run bench -- webhooks");
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "aimant-bench-webhooks-"));
  const url = `file:${path.join(dir, "bench.db")}`;
  migrate(url);
  Object.assign(process.env, { DATABASE_URL: url, AIMANT_DATA_DIR: dir, AIMANT_WEBHOOKS_ALLOW_PRIVATE: "1", SMTP_URL: "", AIMANT_SUBMIT_IP_LIMIT: "1000000000" });
  const demo = spawnSync(process.execPath, ["node_modules/tsx/dist/cli.mjs", "--conditions=react-server", "scripts/demo.ts"], { env: process.env, stdio: ["ignore", "ignore", "inherit"] });
  if (demo.status !== 0) throw new Error("demo seed failed");

  const { db, newId, writeTransaction } = await import("@/lib/db");
  const { findPublishedCampaign, formDefinitionOf } = await import("@/lib/submission/load");
  const { submitResponse } = await import("@/lib/submission/submit");
  const { confirmOptIn } = await import("@/lib/optin/confirm");
  const { deliverWebhooks } = await import("@/lib/webhooks/deliver");
  const { startWebhookWorker } = await import("@/lib/webhooks/worker");
  const { sealSecret } = await import("@/lib/crypto/secret-box");
  const { WEBHOOK_EVENTS } = await import("@/lib/webhooks/events");

  const campaign = await findPublishedCampaign(SLUG);
  if (!campaign) throw new Error("demo campaign missing");
  const form = formDefinitionOf(campaign);
  const organisationId = campaign.organisationId;
  const secret = "whsec_bench";
  const receiver = await startReceiver({ secrets: () => [secret] });
  const endpoint = await db.webhookEndpoint.create({ data: { organisationId, url: receiver.url, events: "[]", secret: sealSecret(secret) } });
  const subscribe = (on: boolean) => db.webhookEndpoint.update({ where: { id: endpoint.id }, data: { events: JSON.stringify(on ? WEBHOOK_EVENTS : []) } });

  try {
    // 1. Delivery: EVENTS lead.confirmed events queued (as confirmations queue them), then sent.
    await subscribe(true);
    const data = { contactId: "c", responseId: "r", email: "lea.dupont@example.fr", firstName: "Léa", lastName: "Dupont", phone: "0612345678", postalCode: "69003", locale: "fr", campaign: { id: campaign.id, title: campaign.title }, source: "qr", confirmedAt: new Date().toISOString(), purposes: [{ id: "p", wording: "Recevoir les offres commerciales par e-mail", wordingHash: "0".repeat(64) }] };
    const queueStarted = performance.now();
    // The rows queueWebhookEvent writes (same envelope), inserted in bulk: the setup is not what is measured.
    const now = new Date();
    for (let i = 0; i < EVENTS; i += 500) {
      await writeTransaction(async (sql) => {
        const rows = [];
        for (let j = i; j < Math.min(EVENTS, i + 500); j++) {
          const eventId = `evt_${newId()}`;
          const payload = JSON.stringify({ id: eventId, type: "lead.confirmed", createdAt: now.toISOString(), organisationId, data: { ...data, contactId: `c${j}` } });
          rows.push({ id: newId(), organisationId, endpointId: endpoint.id, eventId, eventType: "lead.confirmed", payload, status: "PENDING", attempts: 0, nextAttemptAt: now, createdAt: now, retryFrom: now, lastError: "" });
        }
        await sql.insert("WebhookDelivery", rows);
      });
    }
    const queueMs = performance.now() - queueStarted;
    const sendStarted = performance.now();
    const report = await deliverWebhooks();
    const sendMs = performance.now() - sendStarted;
    const delivered = new Set(receiver.received.map((r) => r.eventId)).size;
    const unverified = receiver.received.filter((r) => !r.verified).length;

    // 2. The public path, alternating without / with the endpoint subscribed, the worker running throughout.
    startWebhookWorker();
    let seq = 0;
    const submit = async () => {
      const email = `bench-${Date.now().toString(36)}-${seq++}@bench.test`;
      await submitResponse({ slug: SLUG, data: submissionBody(form, email, "") }, { fillMs: 5000, ip: "203.0.113.9", userAgent: "bench" });
      return email;
    };
    const submitAndConfirm = async () => {
      const email = await submit();
      const mail = await db.outboxMail.findFirstOrThrow({ where: { organisationId, toAddress: email, kind: "optin.confirmation" }, orderBy: { createdAt: "desc" }, select: { text: true } });
      const token = decodeURIComponent(/\/c\/([^\s"<]+)/.exec(mail.text)![1]!);
      const result = await confirmOptIn(token, { userAgent: "bench", ipHash: () => "h" });
      if (result.state !== "confirmed") throw new Error(`confirmation: ${result.state}`);
    };
    const series = { submitOff: [] as number[], submitOn: [] as number[], confirmOff: [] as number[], confirmOn: [] as number[] };
    const before = receiver.received.length;
    for (let round = 0; round < ROUNDS; round++) {
      for (const on of round % 2 === 0 ? [false, true] : [true, false]) {
        await subscribe(on);
        (on ? series.submitOn : series.submitOff).push(await opsPerSecond(SUBMISSIONS, CONCURRENCY, submit));
        (on ? series.confirmOn : series.confirmOff).push(await opsPerSecond(SUBMISSIONS / 2, CONCURRENCY, submitAndConfirm));
      }
    }
    // Let the worker finish what the subscribed rounds queued, and check it all arrived.
    const deadline = Date.now() + 60_000;
    while (Date.now() < deadline && (await db.webhookDelivery.count({ where: { status: "PENDING" } })) > 0) await new Promise((r) => setTimeout(r, 200));
    const expectedLeads = await db.webhookDelivery.count({ where: { eventType: "lead.confirmed", contactId: { not: null } } });
    const after = receiver.received.slice(before);
    const leadsReceived = after.length;
    const distinctAfter = new Set(after.map((r) => r.eventId)).size;
    const retriedDeliveries = await db.webhookDelivery.findMany({ where: { contactId: { not: null }, attempts: { gt: 1 } }, select: { lastError: true, attempts: true } });
    const retryCauses = [...new Set(retriedDeliveries.map((d) => d.lastError || "cause not kept: a delivery that succeeds clears its last error"))].slice(0, 3).join("; ");

    const f = (v: number) => v.toFixed(0);
    const ratio = (on: number[], off: number[]) => (median(on) / median(off)).toFixed(2);
    return [
      `In-process (the domain functions the routes call, no HTTP in front), fresh SQLite file with the demo seed, receiver: a Node HTTP server in the same process that verifies every signature (HMAC-SHA256) and answers 204. Shared 2-core machine (load average ${os.loadavg()[0]!.toFixed(1)} at the end): compare figures within this run only.`,
      "",
      `**Delivery**: ${EVENTS} \`lead.confirmed\` events inserted as queued rows (${(queueMs / 1000).toFixed(1)} s), then delivered by one worker pass (batches of 100 claimed in one transaction, 16 requests in flight, keep-alive) in ${(sendMs / 1000).toFixed(1)} s → **${f(EVENTS / (sendMs / 1000))} events/s**; ${report.succeeded} succeeded, ${report.retried} retried, ${report.failed} failed; ${delivered} distinct event ids received, ${unverified} bad signatures.`,
      "",
      `**Public path** (${ROUNDS} rounds alternating without / with an endpoint subscribed to every event, ${CONCURRENCY} concurrent, the webhook worker polling every second throughout; medians):`,
      "",
      "| path | without endpoint (ops/s) | with endpoint subscribed (ops/s) | ratio |",
      "| --- | ---: | ---: | ---: |",
      `| submission (${SUBMISSIONS} per round: contact, entry, answers, consents, opt-in mail) | ${f(median(series.submitOff))} | ${f(median(series.submitOn))} | **${ratio(series.submitOn, series.submitOff)}** |`,
      `| submission + double opt-in confirmation (${SUBMISSIONS / 2} per round; with the endpoint, each confirmation queues a \`lead.confirmed\` that the worker delivers meanwhile) | ${f(median(series.confirmOff))} | ${f(median(series.confirmOn))} | **${ratio(series.confirmOn, series.confirmOff)}** |`,
      "",
      `Rounds (ops/s): submission without ${series.submitOff.map(f).join(", ")} / with ${series.submitOn.map(f).join(", ")}; with confirmation without ${series.confirmOff.map(f).join(", ")} / with ${series.confirmOn.map(f).join(", ")}. The subscribed rounds' ${expectedLeads} \`lead.confirmed\` events: ${distinctAfter} distinct event ids received, in ${leadsReceived} requests accepted by the receiver; ${retriedDeliveries.length} deliveries took more than one attempt${retriedDeliveries.length ? " (" + retryCauses + ")" : ""}: at least once, the receiver deduplicates on \`Aimant-Event-Id\`.`,
    ].join("\n");
  } finally {
    await receiver.close();
    await db.$disconnect();
  }
}
