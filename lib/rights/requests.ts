import "server-only";
import type { Db, Tx } from "@/lib/db";
import { db } from "@/lib/db";
import { inOrganisation } from "@/lib/orgs/scope";
import { requestDueDate } from "./due-date";

type RequestKind = "ACCESS" | "PORTABILITY" | "RECTIFICATION" | "ERASURE";
export type RequestChannel = "PREFERENCE_CENTRE" | "ADMIN";

/**
 * Logs a data-subject request with its one-month deadline. Requests handled
 * on the spot (a download, an erasure) are logged already DONE, so the log
 * shows every request and when it was answered.
 */
export async function logRequest(
  client: Db | Tx,
  input: { organisationId: string; contactId: string | null; kind: RequestKind; channel: RequestChannel; done: boolean; notes?: string; now?: Date },
): Promise<string> {
  const now = input.now ?? new Date();
  const row = await client.dataSubjectRequest.create({
    data: {
      organisationId: input.organisationId,
      contactId: input.contactId,
      kind: input.kind,
      channel: input.channel,
      requestedAt: now,
      dueAt: requestDueDate(now),
      status: input.done ? "DONE" : "OPEN",
      completedAt: input.done ? now : null,
      notes: input.notes ?? "",
    },
    select: { id: true },
  });
  return row.id;
}

/** The organisation's requests: open ones first, then newest first. */
export async function listRequests(organisationId: string, take = 200) {
  return db.dataSubjectRequest.findMany({
    where: inOrganisation(organisationId),
    // "OPEN" sorts after "DONE": descending puts the requests still to answer on top.
    orderBy: [{ status: "desc" }, { requestedAt: "desc" }],
    take,
    include: { contact: { select: { id: true, email: true, erasedAt: true } } },
  });
}

/** A contact's requests, newest first. */
export async function contactRequests(organisationId: string, contactId: string) {
  return db.dataSubjectRequest.findMany({ where: { ...inOrganisation(organisationId), contactId }, orderBy: { requestedAt: "desc" } });
}

/** Marks an open request as answered (scoped: another organisation's request is not found). */
export async function completeRequest(client: Db | Tx, organisationId: string, requestId: string, now = new Date()): Promise<boolean> {
  const done = await client.dataSubjectRequest.updateMany({ where: { ...inOrganisation(organisationId), id: requestId, status: "OPEN" }, data: { status: "DONE", completedAt: now } });
  return done.count === 1;
}
