import "server-only";
import type { Tx } from "@/lib/db";

/**
 * The one update the consent ledger allows (its database trigger refuses any
 * other): on erasure, a person's records are tied to the suppression hash of
 * their address instead of to them, and lose the request metadata (user agent,
 * IP hash, page URL). What stays is what proof requires: the purpose, the exact
 * wording and its hash, the action and method, when, in which campaign and entry.
 * Given an address, the organisation can still find that proof (hash it); from
 * the ledger alone, nobody can find the address.
 */
export async function tieLedgerToSubjectHash(tx: Tx, contactId: string, subjectHash: string): Promise<number> {
  const { count } = await tx.consentRecord.updateMany({ where: { contactId }, data: { userAgent: "", ipHash: "", pageUrl: "", subjectHash } });
  return count;
}
