import "server-only";
import { recordAudit } from "@/lib/audit";
import type { Member } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { NotFound } from "@/lib/errors";
import { inOrganisation } from "@/lib/orgs/scope";
import { redactLinks } from "./redact";

export const OUTBOX_PAGE_SIZE = 50;

/** The organisation's mails, newest first. */
export async function listOutbox(organisationId: string, page: number) {
  const where = inOrganisation(organisationId);
  const [rows, total] = await Promise.all([
    db.outboxMail.findMany({ where, orderBy: [{ createdAt: "desc" }, { id: "desc" }], skip: page * OUTBOX_PAGE_SIZE, take: OUTBOX_PAGE_SIZE, select: { id: true, toAddress: true, subject: true, status: true, kind: true, createdAt: true, sentAt: true } }),
    db.outboxMail.count({ where }),
  ]);
  return { rows, total, pageSize: OUTBOX_PAGE_SIZE };
}

/**
 * One mail of the organisation (another organisation's is not found), as
 * members may read it: links that act for the recipient are redacted (a click
 * in the outbox would confirm, or open the preference centre, in their name).
 */
export async function getOutboxMail(organisationId: string, id: string) {
  const mail = await db.outboxMail.findFirst({ where: { ...inOrganisation(organisationId), id } });
  if (!mail) throw new NotFound();
  return { ...mail, html: redactLinks(mail.html), text: redactLinks(mail.text), headers: redactLinks(mail.headers) };
}

/**
 * Puts a mail that was given up (FAILED) back in the queue with its attempts
 * reset, once the owner has fixed what made it fail (SMTP settings, the
 * server's outage). Only FAILED mails of the member's organisation qualify.
 */
export async function requeueFailedMail(member: Member, mailId: string): Promise<void> {
  await db.$transaction(async (tx) => {
    const { count } = await tx.outboxMail.updateMany({
      where: { ...inOrganisation(member.organisationId), id: mailId, status: "FAILED" },
      data: { status: "QUEUED", attempts: 0, error: "", nextAttemptAt: new Date() },
    });
    if (count !== 1) throw new NotFound();
    await recordAudit(tx, { organisationId: member.organisationId, userId: member.userId, actorLabel: member.email, action: "mail.requeue", targetType: "mail", targetId: mailId });
  });
}
