import "server-only";
import crypto from "node:crypto";
import type { Db, Tx } from "@/lib/db";
import { dedupeKeyOf } from "@/lib/submission/email";

/**
 * The suppression-list key of an address: sha256(`${organisation.salt}:${dedupeKey}`)
 * in hex, where the dedupe key folds case, "+tags" and Gmail dots, so an alias
 * of an erased address is blocked too. The salt is per organisation and never
 * leaves the server, so the list cannot be reversed with a dictionary of
 * addresses from outside. Use this function, never re-implement the formula.
 */
export function suppressionHash(salt: string, email: string): string {
  return crypto.createHash("sha256").update(`${salt}:${dedupeKeyOf(email)}`).digest("hex");
}

/**
 * Adds an address to the organisation's suppression list (idempotent). An
 * address already there is suppressed again from `now`: consents confirmed
 * before (which had lifted it, see liftedPurposes) no longer count.
 */
export async function suppress(client: Db | Tx, org: { id: string; salt: string }, email: string, reason: "ERASURE" | "RETENTION" | "UNSUBSCRIBE", now = new Date()): Promise<void> {
  const emailHash = suppressionHash(org.salt, email);
  await client.suppression.upsert({
    where: { organisationId_emailHash: { organisationId: org.id, emailHash } },
    create: { organisationId: org.id, emailHash, reason, createdAt: now },
    update: { reason, createdAt: now },
  });
}

/**
 * Coming back after erasure (SPEC): a person on the suppression list who
 * enters again is accepted, and confirming the new entry lifts the suppression
 * for the purposes it confirms. The lift is the CONFIRM record itself, tied
 * to the address's hash (ConsentRecord.subjectHash): this returns that hash
 * when the address is suppressed, "" otherwise.
 */
export async function suppressionLiftHash(client: Db | Tx, org: { id: string; salt: string }, email: string): Promise<string> {
  const emailHash = suppressionHash(org.salt, email);
  const row = await client.suppression.findUnique({ where: { organisationId_emailHash: { organisationId: org.id, emailHash } }, select: { id: true } });
  return row ? emailHash : "";
}

/**
 * For an export: whether an address is blocked by the suppression list. With
 * a purpose, a CONFIRM of that purpose tied to the address's hash and made
 * since the address was (last) suppressed lifts the block; exports that serve
 * no purpose (winners: the prize) stay blocked.
 */
export async function suppressionBlocks(client: Db | Tx, org: { id: string; salt: string }, purposeId: string | null): Promise<(email: string) => boolean> {
  const since = new Map((await client.suppression.findMany({ where: { organisationId: org.id }, select: { emailHash: true, createdAt: true } })).map((s) => [s.emailHash, s.createdAt]));
  if (since.size === 0) return () => false;
  const lifted = new Set<string>();
  if (purposeId) {
    const lifts = await client.consentRecord.findMany({ where: { organisationId: org.id, purposeId, action: "CONFIRM", subjectHash: { not: "" } }, select: { subjectHash: true, createdAt: true } });
    for (const lift of lifts) {
      const suppressedAt = since.get(lift.subjectHash);
      if (suppressedAt && lift.createdAt >= suppressedAt) lifted.add(lift.subjectHash);
    }
  }
  return (email) => {
    const hash = suppressionHash(org.salt, email);
    return since.has(hash) && !lifted.has(hash);
  };
}
