import "server-only";
import { newId, type Db, type SqlWriter, type Tx } from "@/lib/db";

type QueuedMail = {
  organisationId?: string | null;
  to: string;
  subject: string;
  html: string;
  text: string;
  headers?: Record<string, string>;
  kind: string;
};

/** Strips what could inject a header (CR, LF, NUL) from text that reaches a mail header. */
export function headerSafe(value: string): string {
  return value.replace(/[\r\n\0]+/g, " ").trim();
}

/** Set on globalThis: Next bundles this module once per layer, and the worker starts in another than the routes. */
const KEEP_KEY = Symbol.for("aimant.outboxKeepsUnsent");

/**
 * Said by this process's outbox worker when it starts without a transport (no
 * SMTP_URL): it would turn every queued mail into KEPT at its next pass, so
 * new mails are written KEPT at once, saving the rewrite of each (a 5 KB row)
 * a second later on the writer. Processes without the worker (scripts, tests)
 * keep queueing them.
 */
export function keepUnsentMails(): void {
  (globalThis as unknown as Record<symbol, boolean>)[KEEP_KEY] = true;
}

const initialStatus = () => ((globalThis as unknown as Record<symbol, boolean | undefined>)[KEEP_KEY] ? "KEPT" : "QUEUED");

/**
 * Queues a mail in the outbox, inside the caller's transaction: the mail exists
 * exactly when what caused it was committed. A worker sends it when SMTP_URL is set.
 */
export async function queueMail(client: Db | Tx, mail: QueuedMail): Promise<string> {
  const row = await client.outboxMail.create({ data: outboxRow(mail), select: { id: true } });
  return row.id;
}

/** queueMail inside a writeTransaction. */
export async function queueMailSql(sql: SqlWriter, mail: QueuedMail, now = new Date()): Promise<string> {
  const id = newId();
  await sql.insert("OutboxMail", [{ id, ...outboxRow(mail), createdAt: now, nextAttemptAt: now }]);
  return id;
}

function outboxRow(mail: QueuedMail) {
  return {
    organisationId: mail.organisationId ?? null,
    toAddress: mail.to,
    subject: headerSafe(mail.subject),
    html: mail.html,
    text: mail.text,
    headers: JSON.stringify(mail.headers ?? {}),
    kind: mail.kind,
    status: initialStatus(),
  };
}
