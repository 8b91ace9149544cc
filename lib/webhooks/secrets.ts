import crypto from "node:crypto";

/** How long the previous secret still signs after a rotation: time to update the receiver. */
export const ROTATION_OVERLAP_MS = 24 * 60 * 60_000;

/** A new signing secret: 256 random bits, prefixed so it is recognisable in a configuration file. */
export function newWebhookSecret(): string {
  return `whsec_${crypto.randomBytes(32).toString("base64url")}`;
}
