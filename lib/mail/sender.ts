import "server-only";
import nodemailer from "nodemailer";
import { db, writeTransaction } from "@/lib/db";
import { env } from "@/lib/env";
import { headerSafe } from "./outbox";
import { parseMailbox, retryDelayMs, statusAfterFailure } from "./retry";

/** What we need of a nodemailer transport (a fake in tests). */
type MailTransport = { sendMail(message: nodemailer.SendMailOptions): Promise<unknown> };

/** Only these headers from the outbox row reach the wire. */
const ALLOWED_HEADERS = ["List-Unsubscribe", "List-Unsubscribe-Post"];

let cachedTransport: { url: string; transport: MailTransport } | undefined;

/** The SMTP transport for SMTP_URL, or null when mail is kept in the local outbox. */
export function smtpTransport(): MailTransport | null {
  const url = env().SMTP_URL;
  if (!url) return null;
  if (cachedTransport?.url !== url) cachedTransport = { url, transport: nodemailer.createTransport(url) };
  return cachedTransport.transport;
}

type DeliveryReport = { sent: number; failed: number; retried: number; kept: number };

/** How long a claimed mail is left alone: a crash between sending and recording it resends it after this, not before. */
export const CLAIM_LEASE_MS = 10 * 60_000;

type ClaimedMail = { id: string; organisationName: string | null; toAddress: string; subject: string; html: string; text: string; headers: string; attempts: number };

/** Outcomes of sent mails whose recording failed: recorded again first, never sent again (process-wide). */
const unrecorded = ((globalThis as unknown as { aimantUnrecordedMail?: Map<string, () => Promise<unknown>> }).aimantUnrecordedMail ??= new Map());

/**
 * Claims the due mails (oldest due first): counts the attempt and moves the
 * next attempt past the lease, in one transaction, before anything is sent.
 * The conditional update (same attempts, still queued) makes a claim by
 * another worker or instance lose cleanly, on SQLite and PostgreSQL alike.
 */
async function claimDue(now: Date, limit: number): Promise<ClaimedMail[]> {
  return writeTransaction(async (sql) => {
    const due = await sql.all<ClaimedMail>(
      `SELECT m."id", o."name" AS "organisationName", m."toAddress", m."subject", m."html", m."text", m."headers", m."attempts"
       FROM "OutboxMail" m LEFT JOIN "Organisation" o ON o."id" = m."organisationId"
       WHERE m."status" = 'QUEUED' AND m."nextAttemptAt" <= ? ORDER BY m."nextAttemptAt", m."createdAt" LIMIT ?`,
      now,
      limit,
    );
    const claimed: ClaimedMail[] = [];
    for (const mail of due) {
      const changed = await sql.run(
        `UPDATE "OutboxMail" SET "attempts" = "attempts" + 1, "nextAttemptAt" = ? WHERE "id" = ? AND "status" = 'QUEUED' AND "attempts" = ?`,
        new Date(now.getTime() + CLAIM_LEASE_MS),
        mail.id,
        mail.attempts,
      );
      if (changed === 1) claimed.push({ ...mail, attempts: mail.attempts + 1 });
    }
    return claimed;
  });
}

/** Records an outcome; when the database refuses, keeps it to record at the next pass (the lease keeps the mail from leaving again). */
async function record(id: string, write: () => Promise<unknown>): Promise<void> {
  try {
    await write();
    unrecorded.delete(id);
  } catch (error) {
    unrecorded.set(id, write);
    console.error("[outbox] could not record the outcome of mail", id, error);
  }
}

/**
 * Sends the due QUEUED outbox mails. Each is claimed in the database first
 * (attempt counted, next attempt after a lease), so two workers, two
 * instances or a failed status update never send the same mail twice; a
 * failure schedules the next attempt in the row (nextAttemptAt), so the
 * retry delays survive restarts and hold across instances.
 * Without a transport (no SMTP_URL) queued mails become KEPT: owners read
 * them in the app.
 */
export async function deliverOutbox(opts: { transport?: MailTransport | null; limit?: number; now?: Date } = {}): Promise<DeliveryReport> {
  const transport = opts.transport === undefined ? smtpTransport() : opts.transport;
  const report: DeliveryReport = { sent: 0, failed: 0, retried: 0, kept: 0 };
  for (const [id, write] of [...unrecorded]) await record(id, write);
  if (!transport) {
    report.kept = (await db.outboxMail.updateMany({ where: { status: "QUEUED" }, data: { status: "KEPT" } })).count;
    return report;
  }
  const now = opts.now ?? new Date();
  const from = parseMailbox(env().MAIL_FROM);
  for (const mail of await claimDue(now, opts.limit ?? 50)) {
    const stored = safeJson(mail.headers);
    const headers = Object.fromEntries(ALLOWED_HEADERS.filter((h) => typeof stored[h] === "string").map((h) => [h, headerSafe(stored[h] as string)]));
    let failure: unknown = null;
    try {
      await transport.sendMail({
        // Structured addresses: nothing a respondent typed can add a recipient or a header.
        from: { name: headerSafe(mail.organisationName ?? from.name) || from.name, address: from.address },
        to: { name: "", address: mail.toAddress },
        subject: headerSafe(mail.subject),
        text: mail.text,
        html: mail.html,
        headers,
      });
    } catch (error) {
      failure = error ?? new Error("send failed");
    }
    if (failure === null) {
      await record(mail.id, () => db.outboxMail.update({ where: { id: mail.id }, data: { status: "SENT", sentAt: new Date(), error: "" } }));
      report.sent += 1;
      continue;
    }
    const status = statusAfterFailure(mail.attempts);
    const error = String((failure as Error).message ?? failure).slice(0, 500);
    const nextAttemptAt = new Date(now.getTime() + retryDelayMs(mail.attempts));
    await record(mail.id, () => db.outboxMail.update({ where: { id: mail.id }, data: { status, error, nextAttemptAt } }));
    if (status === "FAILED") report.failed += 1;
    else report.retried += 1;
  }
  return report;
}

function safeJson(text: string): Record<string, unknown> {
  try {
    const value = JSON.parse(text) as unknown;
    return value && typeof value === "object" ? (value as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}

