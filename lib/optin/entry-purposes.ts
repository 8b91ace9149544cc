import { currentConsents, type LedgerEvent } from "@/lib/consent/current";

/**
 * The grants an entry's confirmation confirms: the purposes that entry
 * ticked (its GRANT records) which the person has not withdrawn since. The
 * confirmation mail and page list their wording; the click writes one CONFIRM
 * for each. `records` are the contact's ledger records (any order).
 */
export function grantsToConfirm<E extends LedgerEvent & { responseId: string }>(records: readonly E[], responseId: string): E[] {
  const current = currentConsents(records);
  return records.filter((r) => r.responseId === responseId && r.action === "GRANT" && current.get(r.purposeId)?.consenting);
}
