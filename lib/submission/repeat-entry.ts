import "server-only";
import { lockRow, type SqlWriter } from "@/lib/db";
import { queueMailSql } from "@/lib/mail/outbox";
import { alreadyEnteredMail } from "@/lib/mail/templates/already-entered";
import type { SubmitDefinition } from "./load";

/** At most this many "you had already entered" mails per address and organisation in the window: enough to warn, too few to flood a mailbox. */
export const REPEAT_MAIL_LIMIT = 2;
export const REPEAT_MAIL_WINDOW_MS = 24 * 3_600_000;
export const REPEAT_MAIL_KIND = "entry.repeat";

/** Whether one more warning may go, given when the earlier ones were queued. */
export function mayWarnAgain(earlier: readonly Date[], now: Date): boolean {
  return earlier.filter((at) => now.getTime() - at.getTime() < REPEAT_MAIL_WINDOW_MS).length < REPEAT_MAIL_LIMIT;
}

/**
 * A second entry of an address in a campaign, inside a writeTransaction:
 * nothing of the entry is stored; the address's owner is told by mail (the
 * form answers like any entry, so it tells no one whether the address had
 * entered). The limit is counted in the outbox itself, in the same
 * transaction as the mail it allows, so parallel attempts cannot exceed it.
 * Returns whether a mail was queued.
 */
export async function warnRepeatEntry(sql: SqlWriter, d: SubmitDefinition, dedupeKey: string, now: Date): Promise<boolean> {
  const first = await sql.get<{ responseId: string; contactId: string; email: string }>(
    `SELECT r."id" AS "responseId", c."id" AS "contactId", c."email" FROM "Response" r JOIN "Contact" c ON c."id" = r."contactId"
     WHERE r."campaignId" = ? AND r."dedupeKey" = ? AND c."erasedAt" IS NULL`,
    d.campaignId,
    dedupeKey,
  );
  if (!first) return false;
  // The first entry's row as the lock: parallel repeats of one address count one at a time (PostgreSQL too).
  await lockRow(sql, "Response", first.responseId);
  const earlier = (
    await sql.all<{ createdAt: string | number }>(`SELECT "createdAt" FROM "OutboxMail" WHERE "organisationId" = ? AND "toAddress" = ? AND "kind" = ?`, d.organisationId, first.email, REPEAT_MAIL_KIND)
  ).map((m) => new Date(m.createdAt));
  if (!mayWarnAgain(earlier, now)) return false;
  const mail = alreadyEnteredMail({ locale: d.locale, organisation: d.sender.organisation, campaignTitle: d.sender.campaignTitle, brandColor: d.sender.brandColor, logoUrl: d.sender.logoUrl, contactId: first.contactId, now });
  await queueMailSql(sql, { organisationId: d.organisationId, to: first.email, kind: REPEAT_MAIL_KIND, ...mail }, now);
  return true;
}
