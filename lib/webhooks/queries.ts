import "server-only";
import { recordAudit } from "@/lib/audit";
import type { Member } from "@/lib/auth/session";
import { openSecret, sealSecret } from "@/lib/crypto/secret-box";
import { db, type Tx } from "@/lib/db";
import { Invalid, NotFound } from "@/lib/errors";
import { inOrganisation } from "@/lib/orgs/scope";
import { parseEvents } from "./events";
import type { EndpointInput } from "./schemas";
import { newWebhookSecret, ROTATION_OVERLAP_MS } from "./secrets";

export const DELIVERY_PAGE_SIZE = 50;

const endpointSelect = { id: true, url: true, description: true, events: true, pausedAt: true, previousSecretUntil: true, createdAt: true } as const;

function endpointView<T extends { events: string; previousSecretUntil: Date | null }>(row: T, now = new Date()) {
  const { previousSecretUntil, ...rest } = row;
  return { ...rest, events: parseEvents(row.events), rotatingUntil: previousSecretUntil && previousSecretUntil > now ? previousSecretUntil : null };
}

/** The organisation's endpoints, oldest first, with how many deliveries wait or failed. */
export async function listEndpoints(organisationId: string) {
  const [rows, counts] = await Promise.all([
    db.webhookEndpoint.findMany({ where: inOrganisation(organisationId), orderBy: [{ createdAt: "asc" }, { id: "asc" }], select: endpointSelect }),
    db.webhookDelivery.groupBy({ by: ["endpointId", "status"], where: { ...inOrganisation(organisationId), status: { in: ["PENDING", "FAILED"] } }, _count: { _all: true } }),
  ]);
  const count = (id: string, status: string) => counts.find((c) => c.endpointId === id && c.status === status)?._count._all ?? 0;
  return rows.map((r) => ({ ...endpointView(r), pending: count(r.id, "PENDING"), failed: count(r.id, "FAILED") }));
}

/** One endpoint of the organisation (another organisation's is not found). */
export async function getEndpoint(organisationId: string, endpointId: string) {
  const row = await db.webhookEndpoint.findFirst({ where: { ...inOrganisation(organisationId), id: endpointId }, select: endpointSelect });
  if (!row) throw new NotFound();
  return endpointView(row);
}

/** An endpoint's deliveries, newest first (the log: status, time, response code, next try). */
export async function listDeliveries(organisationId: string, endpointId: string, page: number) {
  await getEndpoint(organisationId, endpointId);
  const where = { ...inOrganisation(organisationId), endpointId };
  const [rows, total] = await Promise.all([
    db.webhookDelivery.findMany({
      where,
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      skip: page * DELIVERY_PAGE_SIZE,
      take: DELIVERY_PAGE_SIZE,
      select: { id: true, eventId: true, eventType: true, status: true, attempts: true, nextAttemptAt: true, lastAttemptAt: true, lastStatusCode: true, lastError: true, deliveredAt: true, createdAt: true, payload: true },
    }),
    db.webhookDelivery.count({ where }),
  ]);
  // The payload stays on the server; the log says only whether it can still be replayed.
  return { rows: rows.map(({ payload, ...r }) => ({ ...r, replayable: payload !== "" })), total, pageSize: DELIVERY_PAGE_SIZE };
}

async function audit(tx: Tx, member: Member, action: string, endpointId: string, details: Record<string, unknown> = {}) {
  await recordAudit(tx, { organisationId: member.organisationId, userId: member.userId, actorLabel: member.email, action, targetType: "webhook", targetId: endpointId, details });
}

/** Creates an endpoint; returns its secret, which is shown once and never again (only a sealed copy is kept). */
export async function createEndpoint(member: Member, input: EndpointInput): Promise<{ endpointId: string; secret: string }> {
  const secret = newWebhookSecret();
  const endpointId = await db.$transaction(async (tx) => {
    const row = await tx.webhookEndpoint.create({
      data: { organisationId: member.organisationId, url: input.url, description: input.description, events: JSON.stringify(input.events), secret: sealSecret(secret), createdById: member.userId },
      select: { id: true },
    });
    await audit(tx, member, "webhook.create", row.id, { url: input.url, events: input.events });
    return row.id;
  });
  return { endpointId, secret };
}

/** Changes an endpoint's URL, description or events (the secret stays). */
export async function updateEndpoint(member: Member, endpointId: string, input: EndpointInput): Promise<void> {
  await db.$transaction(async (tx) => {
    const { count } = await tx.webhookEndpoint.updateMany({ where: { ...inOrganisation(member.organisationId), id: endpointId }, data: { url: input.url, description: input.description, events: JSON.stringify(input.events) } });
    if (count !== 1) throw new NotFound();
    await audit(tx, member, "webhook.update", endpointId, { url: input.url, events: input.events });
  });
}

/**
 * A new secret, shown once; the current one keeps signing beside it (a second
 * v1=) for 24 hours, so the receiver can be updated without losing an event.
 */
export async function rotateSecret(member: Member, endpointId: string, now = new Date()): Promise<{ secret: string }> {
  const secret = newWebhookSecret();
  await db.$transaction(async (tx) => {
    const row = await tx.webhookEndpoint.findFirst({ where: { ...inOrganisation(member.organisationId), id: endpointId }, select: { secret: true } });
    if (!row) throw new NotFound();
    // Re-sealed: a secret that cannot be opened any more (the app secret changed) is dropped rather than kept unusable.
    let previous = "";
    try {
      previous = sealSecret(openSecret(row.secret));
    } catch {
      previous = "";
    }
    await tx.webhookEndpoint.update({ where: { id: endpointId }, data: { secret: sealSecret(secret), previousSecret: previous, previousSecretUntil: previous ? new Date(now.getTime() + ROTATION_OVERLAP_MS) : null } });
    await audit(tx, member, "webhook.rotate", endpointId);
  });
  return { secret };
}

/** Pauses (deliveries wait) or resumes (they leave, oldest first) an endpoint. */
export async function setPaused(member: Member, endpointId: string, paused: boolean, now = new Date()): Promise<void> {
  await db.$transaction(async (tx) => {
    const { count } = await tx.webhookEndpoint.updateMany({ where: { ...inOrganisation(member.organisationId), id: endpointId }, data: { pausedAt: paused ? now : null } });
    if (count !== 1) throw new NotFound();
    await audit(tx, member, paused ? "webhook.pause" : "webhook.resume", endpointId);
  });
}

/** Deletes an endpoint and its log (its waiting deliveries are not sent). */
export async function deleteEndpoint(member: Member, endpointId: string): Promise<void> {
  await db.$transaction(async (tx) => {
    const { count } = await tx.webhookEndpoint.deleteMany({ where: { ...inOrganisation(member.organisationId), id: endpointId } });
    if (count !== 1) throw new NotFound();
    await audit(tx, member, "webhook.delete", endpointId);
  });
}

/**
 * Sends one delivery again (same event id: a receiver that already has it
 * ignores it), with a fresh 24-hour retry window. Refused for an erasure's
 * event once it is over: its address was blanked.
 */
export async function replayDelivery(member: Member, deliveryId: string, now = new Date()): Promise<void> {
  await db.$transaction(async (tx) => {
    const row = await tx.webhookDelivery.findFirst({ where: { ...inOrganisation(member.organisationId), id: deliveryId }, select: { id: true, endpointId: true, payload: true, eventId: true } });
    if (!row) throw new NotFound();
    if (row.payload === "") throw new Invalid("webhooks.errors.notReplayable");
    await tx.webhookDelivery.update({ where: { id: row.id }, data: { status: "PENDING", attempts: 0, nextAttemptAt: now, retryFrom: now, lastError: "", deliveredAt: null } });
    await audit(tx, member, "webhook.replay", row.endpointId, { deliveryId: row.id, eventId: row.eventId });
  });
}
