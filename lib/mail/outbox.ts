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
  };
}
