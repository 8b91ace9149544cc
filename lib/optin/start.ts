import "server-only";
import type { Tx } from "@/lib/db";

export type DoubleOptInStart = {
  organisationId: string;
  campaignId: string;
  contactId: string;
  responseId: string;
  email: string;
  firstName?: string;
  locale: "fr" | "en";
};

/**
 * Starts the double opt-in for a new entry, inside the submission's transaction:
 * creates a single-use token (only its hash stored) and queues the confirmation e-mail.
 * (Implemented by the consent/opt-in module.)
 */
export async function startDoubleOptIn(_tx: Tx, _input: DoubleOptInStart): Promise<void> {
  // Placeholder until lib/optin is implemented: no mail, no token.
}
