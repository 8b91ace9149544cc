import "server-only";
import { newId, type Tx } from "@/lib/db";
import { parseEvents, type WebhookEvent } from "./events";
import type { EventData } from "./payloads";

/**
 * Queues `type` for every endpoint of the organisation subscribed to it,
 * inside the caller's transaction: the deliveries exist exactly when the event
 * was committed (a rollback takes them too). Paused endpoints queue as well:
 * their deliveries leave on resume. Returns the event's id (null when no
 * endpoint listens, so nothing was written).
 */
export async function queueWebhookEvent<T extends WebhookEvent>(
  tx: Tx,
  organisationId: string,
  type: T,
  data: EventData[T],
  opts: { contactId?: string | null; at?: Date } = {},
): Promise<string | null> {
  const endpoints = await tx.webhookEndpoint.findMany({ where: { organisationId }, select: { id: true, events: true } });
  const subscribed = endpoints.filter((e) => parseEvents(e.events).includes(type));
  if (subscribed.length === 0) return null;
  const at = opts.at ?? new Date();
  const eventId = `evt_${newId()}`;
  const payload = JSON.stringify({ id: eventId, type, createdAt: at.toISOString(), organisationId, data });
  await tx.webhookDelivery.createMany({
    data: subscribed.map((e) => ({ organisationId, endpointId: e.id, eventId, eventType: type, payload, contactId: opts.contactId ?? null, createdAt: at, nextAttemptAt: at })),
  });
  return eventId;
}

/**
 * An erasure takes the events that name the person and are still waiting
 * (their address is in the payload) and blanks those already delivered: after
 * it, the address is only in the erasure's own event, until it is delivered.
 */
export async function forgetContactEvents(tx: Tx, organisationId: string, contactId: string): Promise<void> {
  await tx.webhookDelivery.deleteMany({ where: { organisationId, contactId, status: { not: "SUCCEEDED" } } });
  await tx.webhookDelivery.updateMany({ where: { organisationId, contactId, payload: { not: "" } }, data: { payload: "" } });
}
