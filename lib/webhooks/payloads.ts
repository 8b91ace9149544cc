import { z } from "zod";

// The bodies Aimant sends, one schema per event. docs/webhooks.schema.json is
// generated from these (npm run webhooks:schema) and a test parses the payloads
// the real code paths produce with the committed JSON Schema: what the docs
// promise is what leaves, and nothing more (no extra property is allowed).

const isoDate = z.iso.datetime({ offset: true });
const purpose = z.strictObject({
  id: z.string(),
  /** The exact wording the person agreed to, and its sha256 (proof of consent) */
  wording: z.string(),
  wordingHash: z.string(),
});
const campaign = z.strictObject({ id: z.string(), title: z.string() });

function envelope<T extends string, D extends z.ZodType>(type: T, data: D) {
  return z.strictObject({
    /** The event's id: the same for every endpoint and every retry (idempotency key, also in Aimant-Event-Id) */
    id: z.string(),
    type: z.literal(type),
    /** When the event happened (not when it was sent) */
    createdAt: isoDate,
    organisationId: z.string(),
    data,
  });
}

/** An entry's double opt-in confirmed the consents it granted: the lead, with only what the person consented to give. */
export const leadConfirmedSchema = envelope(
  "lead.confirmed",
  z.strictObject({
    contactId: z.string(),
    responseId: z.string(),
    email: z.string(),
    firstName: z.string(),
    lastName: z.string(),
    phone: z.string(),
    postalCode: z.string(),
    locale: z.string(),
    campaign,
    /** UTM source of the entry ("" when none) */
    source: z.string(),
    confirmedAt: isoDate,
    /** The purposes this confirmation made count (at least one) */
    purposes: z.array(purpose).min(1),
  }),
);

/** A person withdrew one or more consents: stop using the address for these purposes now. */
export const consentWithdrawnSchema = envelope(
  "consent.withdrawn",
  z.strictObject({
    contactId: z.string(),
    email: z.string(),
    /** PREFERENCE_CENTRE | UNSUBSCRIBE_LINK | ADMIN */
    method: z.enum(["PREFERENCE_CENTRE", "UNSUBSCRIBE_LINK", "ADMIN"]),
    withdrawnAt: isoDate,
    purposes: z.array(purpose).min(1),
  }),
);

/** A person was erased (their request, or the end of the retention period): delete them, nothing else is sent. */
export const contactErasedSchema = envelope(
  "contact.erased",
  z.strictObject({
    contactId: z.string(),
    email: z.string(),
    /** ERASURE (the person asked) | RETENTION (the retention period ended) */
    reason: z.enum(["ERASURE", "RETENTION"]),
    erasedAt: isoDate,
  }),
);

/** A contest's draw was run (or re-run): counts and what lets anyone verify it, no personal data. */
export const drawCompletedSchema = envelope(
  "draw.completed",
  z.strictObject({
    drawId: z.string(),
    campaign,
    sequence: z.number().int(),
    /** True for a redraw (it supersedes the previous draw) */
    redraw: z.boolean(),
    drawnAt: isoDate,
    eligibleCount: z.number().int(),
    eligibleHash: z.string(),
    winnersCount: z.number().int(),
    alternatesCount: z.number().int(),
  }),
);

export const webhookPayloadSchema = z.discriminatedUnion("type", [leadConfirmedSchema, consentWithdrawnSchema, contactErasedSchema, drawCompletedSchema]);

export type WebhookPayload = z.infer<typeof webhookPayloadSchema>;
export type LeadConfirmedData = z.infer<typeof leadConfirmedSchema>["data"];
export type ConsentWithdrawnData = z.infer<typeof consentWithdrawnSchema>["data"];
export type ContactErasedData = z.infer<typeof contactErasedSchema>["data"];
export type DrawCompletedData = z.infer<typeof drawCompletedSchema>["data"];
export type EventData = {
  "lead.confirmed": LeadConfirmedData;
  "consent.withdrawn": ConsentWithdrawnData;
  "contact.erased": ContactErasedData;
  "draw.completed": DrawCompletedData;
};
