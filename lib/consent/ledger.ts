import "server-only";
import { newId, type Db, type SqlWriter, type Tx } from "@/lib/db";

type ConsentAction = "GRANT" | "CONFIRM" | "WITHDRAW";
export type ConsentMethod = "CHECKBOX" | "DOUBLE_OPT_IN" | "PREFERENCE_CENTRE" | "UNSUBSCRIBE_LINK" | "ADMIN" | "ERASURE" | "PARENTAL_OPT_IN";

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
  /** The address's suppression hash when this record is tied to it (a CONFIRM that lifts a suppression) */
  subjectHash?: string;
};

function ledgerRow(record: ConsentInput, now: Date) {
  return { ...record, actorUserId: record.actorUserId ?? null, createdAt: record.createdAt ?? now };
}

/** Appends records to the consent ledger (never updates: the table refuses it). */
export async function recordConsents(client: Db | Tx, records: ConsentInput[], now = new Date()): Promise<void> {
  if (records.length === 0) return;
  await client.consentRecord.createMany({ data: records.map((r) => ledgerRow(r, now)) });
}

/** recordConsents inside a writeTransaction. */
export async function recordConsentsSql(sql: SqlWriter, records: ConsentInput[], now = new Date()): Promise<void> {
  await sql.insert("ConsentRecord", records.map((r) => ({ id: newId(), ...ledgerRow(r, now) })));
}
