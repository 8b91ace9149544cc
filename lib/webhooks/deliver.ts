import "server-only";
import { readSql, writeTransaction } from "@/lib/db";
import { openSecret } from "@/lib/crypto/secret-box";
import { env, webhooksAllowPrivate } from "@/lib/env";
import { nextAttemptAfterFailure } from "./backoff";
import { postJson, type PostResult } from "./http-post";
import { SIGNATURE_HEADER, signatureHeader } from "./signature";

/** How long a claimed delivery is left alone: a crash between sending and recording resends it after this, not before. */
export const CLAIM_LEASE_MS = 5 * 60_000;
/** One request waits this long for an answer. */
export const REQUEST_TIMEOUT_MS = 10_000;

export type Poster = (url: string, headers: Record<string, string>, body: string) => Promise<PostResult>;
export type WebhookReport = { succeeded: number; retried: number; failed: number };

type Claimed = {
  id: string;
  eventId: string;
  eventType: string;
  payload: string;
  attempts: number;
  retryFrom: string;
  url: string;
  secret: string;
  previousSecret: string;
  previousSecretUntil: string | null;
};

type Outcome = { id: string; attempts: number; eventType: string; status: number | null; error: string; retryFrom: Date };

/**
 * Claims due deliveries (oldest due first) of endpoints not paused: counts the
 * attempt and moves the next attempt past the lease, in one transaction,
 * before anything is sent. The update is conditional (still pending, same
 * attempt count): of two workers or instances that selected the same row,
 * one claims it, the other's update matches nothing, so no delivery is ever
 * sent by two of them at once.
 */
async function claimDue(now: Date, limit: number): Promise<Claimed[]> {
  return writeTransaction(async (sql) => {
    const due = await sql.all<Claimed>(
      `SELECT d."id", d."eventId", d."eventType", d."payload", d."attempts", d."retryFrom", e."url", e."secret", e."previousSecret", e."previousSecretUntil"
       FROM "WebhookDelivery" d JOIN "WebhookEndpoint" e ON e."id" = d."endpointId"
       WHERE d."status" = 'PENDING' AND d."nextAttemptAt" <= ? AND e."pausedAt" IS NULL
       ORDER BY d."nextAttemptAt", d."createdAt" LIMIT ?`,
      now,
      limit,
    );
    const claimed: Claimed[] = [];
    for (const row of due) {
      const changed = await sql.run(
        `UPDATE "WebhookDelivery" SET "attempts" = "attempts" + 1, "nextAttemptAt" = ?, "lastAttemptAt" = ? WHERE "id" = ? AND "status" = 'PENDING' AND "attempts" = ?`,
        new Date(now.getTime() + CLAIM_LEASE_MS),
        now,
        row.id,
        row.attempts,
      );
      if (changed === 1) claimed.push({ ...row, attempts: row.attempts + 1 });
    }
    return claimed;
  });
}

/** Whether anything may be due: a read on committed data, so an idle worker does not take the writer every second. */
async function anythingDue(now: Date): Promise<boolean> {
  const row = await readSql((sql) => sql.get<{ one: number }>(`SELECT 1 AS "one" FROM "WebhookDelivery" WHERE "status" = 'PENDING' AND "nextAttemptAt" <= ? LIMIT 1`, now));
  return row !== undefined;
}

function secretsOf(row: Claimed, now: Date): string[] {
  const secrets = [openSecret(row.secret)];
  if (row.previousSecret && row.previousSecretUntil && new Date(row.previousSecretUntil) > now) secrets.push(openSecret(row.previousSecret));
  return secrets;
}

async function attempt(row: Claimed, post: Poster, now: Date): Promise<Outcome> {
  const base = { id: row.id, attempts: row.attempts, eventType: row.eventType, retryFrom: new Date(row.retryFrom) };
  try {
    const headers = {
      "User-Agent": "Aimant-Webhooks/1",
      "Aimant-Event-Id": row.eventId,
      "Aimant-Event-Type": row.eventType,
      "Aimant-Delivery-Attempt": String(row.attempts),
      // Signed at sending time: a retry carries a fresh timestamp, so receivers can refuse old ones.
      [SIGNATURE_HEADER]: signatureHeader(secretsOf(row, now), row.payload, Math.floor(Date.now() / 1000)),
    };
    const { status } = await post(row.url, headers, row.payload);
    return { ...base, status, error: status >= 200 && status < 300 ? "" : `HTTP ${status}` };
  } catch (error) {
    return { ...base, status: null, error: String((error as Error)?.message ?? error).slice(0, 300) };
  }
}

/** Records a batch's outcomes in one transaction; each only if the row is still the attempt we made (a replay in between wins). */
async function record(outcomes: Outcome[], now: Date): Promise<WebhookReport> {
  const report: WebhookReport = { succeeded: 0, retried: 0, failed: 0 };
  await writeTransaction(async (sql) => {
    for (const o of outcomes) {
      if (o.error === "") {
        // An erasure's event names the erased address: once delivered, it is blanked.
        await sql.run(
          `UPDATE "WebhookDelivery" SET "status" = 'SUCCEEDED', "deliveredAt" = ?, "lastStatusCode" = ?, "lastError" = '', "payload" = CASE WHEN "eventType" = 'contact.erased' THEN '' ELSE "payload" END WHERE "id" = ? AND "attempts" = ? AND "status" = 'PENDING'`,
          now, o.status, o.id, o.attempts,
        );
        report.succeeded += 1;
        continue;
      }
      const next = nextAttemptAfterFailure(o.retryFrom, o.attempts, now, env().AIMANT_WEBHOOK_RETRY_MS);
      if (next) {
        await sql.run(`UPDATE "WebhookDelivery" SET "nextAttemptAt" = ?, "lastStatusCode" = ?, "lastError" = ? WHERE "id" = ? AND "attempts" = ? AND "status" = 'PENDING'`, next, o.status, o.error, o.id, o.attempts);
        report.retried += 1;
      } else {
        await sql.run(
          `UPDATE "WebhookDelivery" SET "status" = 'FAILED', "lastStatusCode" = ?, "lastError" = ?, "payload" = CASE WHEN "eventType" = 'contact.erased' THEN '' ELSE "payload" END WHERE "id" = ? AND "attempts" = ? AND "status" = 'PENDING'`,
          o.status, o.error, o.id, o.attempts,
        );
        report.failed += 1;
      }
    }
  });
  return report;
}

/**
 * Sends the due deliveries: claims a batch, POSTs them (a few at a time),
 * records the outcomes; repeats while a full batch was due. A 2xx answer is a
 * success; anything else (or no answer) is retried with exponential backoff
 * for 24 hours, then FAILED. At least once: a crash after sending and before
 * recording sends it again after the lease (the receiver dedupes on the
 * event id).
 */
export async function deliverWebhooks(opts: { post?: Poster; now?: Date; limit?: number; concurrency?: number } = {}): Promise<WebhookReport> {
  const total: WebhookReport = { succeeded: 0, retried: 0, failed: 0 };
  const post: Poster = opts.post ?? ((url, headers, body) => postJson(url, headers, body, { allowPrivate: webhooksAllowPrivate(), timeoutMs: REQUEST_TIMEOUT_MS }));
  const limit = opts.limit ?? 100;
  const concurrency = opts.concurrency ?? 16;
  for (;;) {
    const now = opts.now ?? new Date();
    if (!(await anythingDue(now))) break;
    const batch = await claimDue(now, limit);
    if (batch.length === 0) break;
    const outcomes: Outcome[] = [];
    let next = 0;
    await Promise.all(
      Array.from({ length: Math.min(concurrency, batch.length) }, async () => {
        while (next < batch.length) outcomes.push(await attempt(batch[next++]!, post, now));
      }),
    );
    const report = await record(outcomes, opts.now ?? new Date());
    total.succeeded += report.succeeded;
    total.retried += report.retried;
    total.failed += report.failed;
    if (batch.length < limit) break;
  }
  return total;
}
