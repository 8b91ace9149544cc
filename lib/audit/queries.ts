import "server-only";
import { db } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import { inOrganisation } from "@/lib/orgs/scope";
import { nextDay, startOfLocalDay } from "@/lib/time-zone";
import { AUDIT_ACTORS, isAuditActor } from "./actors";
import type { AuditFilters } from "./filters";
import type { AuditLine, AuditNames } from "./sentence";

/** The zone of the log's day filters: the organisation's campaigns default to it. */
const LOG_TIME_ZONE = "Europe/Paris";
export const AUDIT_PAGE_SIZE = 50;

/** The where clause of the filters, always within the organisation. */
function auditWhere(organisationId: string, filters: AuditFilters): Prisma.AuditLogWhereInput {
  const where: Prisma.AuditLogWhereInput = { ...inOrganisation(organisationId) };
  if (filters.action) where.action = filters.action;
  if (filters.person) {
    if (isAuditActor(filters.person)) where.actorLabel = filters.person;
    else where.userId = filters.person;
  }
  const createdAt: Prisma.DateTimeFilter = {};
  if (filters.from) createdAt.gte = startOfLocalDay(filters.from, LOG_TIME_ZONE);
  if (filters.to) createdAt.lt = startOfLocalDay(nextDay(filters.to), LOG_TIME_ZONE);
  if (createdAt.gte || createdAt.lt) where.createdAt = createdAt;
  return where;
}

/** A page of the organisation's log, newest first, filtered. */
export async function listAudit(organisationId: string, filters: AuditFilters, pageSize = AUDIT_PAGE_SIZE) {
  const where = auditWhere(organisationId, filters);
  const [rows, total] = await Promise.all([
    db.auditLog.findMany({ where, orderBy: [{ createdAt: "desc" }, { id: "desc" }], skip: filters.page * pageSize, take: pageSize }),
    db.auditLog.count({ where }),
  ]);
  return { rows, total, pageSize };
}

/** Names the sentences need: the organisation's members and campaigns named in these lines (scoped: another organisation's ids resolve to nothing). */
export async function auditNames(organisationId: string, lines: readonly AuditLine[]): Promise<AuditNames> {
  const userIds = [...new Set(lines.map((l) => l.userId).filter((id): id is string => !!id))];
  const campaignIds = [...new Set(lines.filter((l) => l.targetType === "campaign" && l.targetId).map((l) => l.targetId))];
  const [members, campaigns] = await Promise.all([
    userIds.length ? db.membership.findMany({ where: { organisationId, userId: { in: userIds } }, select: { userId: true, user: { select: { name: true } } } }) : [],
    campaignIds.length ? db.campaign.findMany({ where: { id: { in: campaignIds }, ...inOrganisation(organisationId) }, select: { id: true, title: true } }) : [],
  ]);
  return {
    people: new Map(members.filter((m) => m.user.name).map((m) => [m.userId, m.user.name])),
    campaigns: new Map(campaigns.map((c) => [c.id, c.title])),
  };
}

/** What the filters offer: the actions present in the log, the members and the non-member actors. */
export async function auditFilterOptions(organisationId: string) {
  const [actions, members] = await Promise.all([
    db.auditLog.groupBy({ by: ["action"], where: inOrganisation(organisationId), orderBy: { action: "asc" } }),
    db.membership.findMany({ where: { organisationId }, select: { userId: true, user: { select: { name: true, email: true } } }, orderBy: { createdAt: "asc" } }),
  ]);
  return {
    actions: actions.map((a) => a.action),
    people: members.map((m) => ({ id: m.userId, name: m.user.name || m.user.email })),
    actors: AUDIT_ACTORS,
  };
}

/** Every filtered line, oldest batch last, 500 at a time (keyset on createdAt and id), for the CSV export. */
export async function* auditBatches(organisationId: string, filters: AuditFilters, batchSize = 500) {
  const where = auditWhere(organisationId, filters);
  let cursor: { createdAt: Date; id: string } | null = null;
  for (;;) {
    const after: Prisma.AuditLogWhereInput = cursor
      ? { OR: [{ createdAt: { lt: cursor.createdAt } }, { createdAt: cursor.createdAt, id: { lt: cursor.id } }] }
      : {};
    const rows = await db.auditLog.findMany({ where: { AND: [where, after] }, orderBy: [{ createdAt: "desc" }, { id: "desc" }], take: batchSize });
    if (rows.length === 0) return;
    yield rows;
    const last = rows[rows.length - 1]!;
    cursor = { createdAt: last.createdAt, id: last.id };
    if (rows.length < batchSize) return;
  }
}
