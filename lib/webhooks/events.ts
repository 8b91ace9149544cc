/** The events a CRM can subscribe to, in the order the settings page lists them. */
export const WEBHOOK_EVENTS = ["lead.confirmed", "consent.withdrawn", "contact.erased", "draw.completed"] as const;
export type WebhookEvent = (typeof WEBHOOK_EVENTS)[number];

export function isWebhookEvent(value: unknown): value is WebhookEvent {
  return typeof value === "string" && (WEBHOOK_EVENTS as readonly string[]).includes(value);
}

/** The subscribed events stored as JSON text; unknown values are dropped (a newer version's events, a hand edit). */
export function parseEvents(text: string): WebhookEvent[] {
  try {
    const value = JSON.parse(text) as unknown;
    return Array.isArray(value) ? WEBHOOK_EVENTS.filter((e) => value.includes(e)) : [];
  } catch {
    return [];
  }
}

/** The event's key in the message catalogue (next-intl reads dots as nesting). */
export function eventMessageKey(event: WebhookEvent): string {
  return event.replace(".", "_");
}
