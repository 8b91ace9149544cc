import "server-only";
import type { Db, Tx } from "@/lib/db";

export type ConsentAction = "GRANT" | "CONFIRM" | "WITHDRAW";
export type ConsentMethod = "CHECKBOX" | "DOUBLE_OPT_IN" | "PREFERENCE_CENTRE" | "UNSUBSCRIBE_LINK" | "ADMIN" | "ERASURE";

export type ConsentInput = {
  organisationId: string;
  contactId: string;
  purposeId: string;
  purposeVersionId: string;
  /** The exact wording shown to the person, and its sha256 */
  wording: string;
  wordingHash: string;
  action: ConsentAction;
  method: ConsentMethod;
  campaignId?: string;
  responseId?: string;
  pageUrl?: string;
  utmSource?: string;
  userAgent?: string;
  ipHash?: string;
  actorUserId?: string | null;
  /** When it happened, if not now (the entry's own instant, or back-dated demo data) */
  createdAt?: Date;
};

/** Appends records to the consent ledger (never updates: the table refuses it). */
export async function recordConsents(client: Db | Tx, records: ConsentInput[]): Promise<void> {
  if (records.length === 0) return;
  await client.consentRecord.createMany({ data: records.map((r) => ({ ...r, actorUserId: r.actorUserId ?? null })) });
}
