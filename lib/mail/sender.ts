import "server-only";
import nodemailer from "nodemailer";
import { db, type Db } from "@/lib/db";
import { headerSafe } from "./outbox";
import { parseMailbox, statusAfterFailure } from "./retry";

/** What we need of a nodemailer transport (a fake in tests). */
export type MailTransport = { sendMail(message: nodemailer.SendMailOptions): Promise<unknown> };

/** Only these headers from the outbox row reach the wire. */
const ALLOWED_HEADERS = ["List-Unsubscribe", "List-Unsubscribe-Post"];

let cachedTransport: { url: string; transport: MailTransport } | undefined;

/** The SMTP transport for SMTP_URL, or null when mail is kept in the local outbox. */
export function smtpTransport(): MailTransport | null {
  const url = process.env.SMTP_URL;
  if (!url) return null;
  if (cachedTransport?.url !== url) cachedTransport = { url, transport: nodemailer.createTransport(url) };
  return cachedTransport.transport;
}

export type DeliveryReport = { sent: number; failed: number; retried: number; kept: number };

/**
 * Sends the QUEUED outbox mails (oldest first). Each row is claimed with a
 * conditional update first, so two workers never send the same attempt.
 * Without a transport (no SMTP_URL) queued mails become KEPT: owners read them
 * in the app. `skip` lets the caller hold back mails still waiting for a retry.
 */
export async function deliverOutbox(
  opts: { client?: Db; transport?: MailTransport | null; limit?: number; skip?: (id: string) => boolean; onFailure?: (id: string, attempts: number) => void } = {},
): Promise<DeliveryReport> {
  const client = opts.client ?? db;
  const transport = opts.transport === undefined ? smtpTransport() : opts.transport;
  const report: DeliveryReport = { sent: 0, failed: 0, retried: 0, kept: 0 };
  if (!transport) {
    report.kept = (await client.outboxMail.updateMany({ where: { status: "QUEUED" }, data: { status: "KEPT" } })).count;
    return report;
  }
  const rows = await client.outboxMail.findMany({
    where: { status: "QUEUED" },
    orderBy: { createdAt: "asc" },
    take: opts.limit ?? 50,
    include: { organisation: { select: { name: true } } },
  });
  const from = parseMailbox(process.env.MAIL_FROM ?? "Aimant <no-reply@localhost>");
  for (const row of rows) {
    if (opts.skip?.(row.id)) continue;
    const claimed = await client.outboxMail.updateMany({ where: { id: row.id, status: "QUEUED", attempts: row.attempts }, data: { attempts: { increment: 1 } } });
    if (claimed.count !== 1) continue;
    const attempts = row.attempts + 1;
    const stored = safeJson(row.headers);
    const headers = Object.fromEntries(ALLOWED_HEADERS.filter((h) => typeof stored[h] === "string").map((h) => [h, headerSafe(stored[h] as string)]));
    try {
      await transport.sendMail({
        // Structured addresses: nothing a respondent typed can add a recipient or a header.
        from: { name: headerSafe(row.organisation?.name ?? from.name) || from.name, address: from.address },
        to: { name: "", address: row.toAddress },
        subject: headerSafe(row.subject),
        text: row.text,
        html: row.html,
        headers,
      });
      await client.outboxMail.update({ where: { id: row.id }, data: { status: "SENT", sentAt: new Date(), error: "" } });
      report.sent += 1;
    } catch (error) {
      const status = statusAfterFailure(attempts);
      await client.outboxMail.update({ where: { id: row.id }, data: { status, error: String((error as Error).message ?? error).slice(0, 500) } });
      if (status === "FAILED") report.failed += 1;
      else report.retried += 1;
      opts.onFailure?.(row.id, attempts);
    }
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

