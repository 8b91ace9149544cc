/** The ledger actions and how they read: GRANT and CONFIRM mean consenting, WITHDRAW means not. */
export type LedgerAction = "GRANT" | "CONFIRM" | "WITHDRAW";

export type LedgerEvent = {
  id?: string;
  purposeId: string;
  action: string;
  createdAt: Date;
};

export type CurrentConsent<E extends LedgerEvent = LedgerEvent> = {
  purposeId: string;
  /** True when the deciding record is a GRANT or a CONFIRM */
  consenting: boolean;
  /** True when the address was confirmed (double opt-in) for this consent since the last withdrawal */
  confirmed: boolean;
  /** Start of the current consent (first GRANT/CONFIRM after the last withdrawal), or the withdrawal date */
  since: Date;
  /** The record that decides */
  latest: E;
};

/**
 * Orders two records of the same purpose, newest first; on the same instant a
 * withdrawal comes first: when in doubt we do not claim a consent we cannot prove.
 */
export function newestFirst(a: LedgerEvent, b: LedgerEvent): number {
  const byTime = b.createdAt.getTime() - a.createdAt.getTime();
  if (byTime !== 0) return byTime;
  return Number(b.action === "WITHDRAW") - Number(a.action === "WITHDRAW");
}

/**
 * A contact's current consent per purpose, derived from their ledger records
 * (any order): the latest record wins, and a withdrawal beats a grant of the
 * same instant. Purposes without any record are absent (never consented).
 */
export function currentConsents<E extends LedgerEvent>(records: readonly E[]): Map<string, CurrentConsent<E>> {
  const byPurpose = new Map<string, E[]>();
  for (const record of records) {
    const list = byPurpose.get(record.purposeId);
    if (list) list.push(record);
    else byPurpose.set(record.purposeId, [record]);
  }
  const out = new Map<string, CurrentConsent<E>>();
  for (const [purposeId, list] of byPurpose) {
    const sorted = [...list].sort(newestFirst);
    const latest = sorted[0]!;
    const consenting = latest.action !== "WITHDRAW";
    // The current streak: records since the last withdrawal.
    const lastWithdrawal = sorted.findIndex((r) => r.action === "WITHDRAW");
    const streak = lastWithdrawal === -1 ? sorted : sorted.slice(0, lastWithdrawal);
    out.set(purposeId, {
      purposeId,
      consenting,
      confirmed: consenting && streak.some((r) => r.action === "CONFIRM"),
      since: consenting ? streak[streak.length - 1]!.createdAt : latest.createdAt,
      latest,
    });
  }
  return out;
}

/** Whether the contact currently consents to `purposeId`. */
export function isConsenting(records: readonly LedgerEvent[], purposeId: string): boolean {
  return currentConsents(records.filter((r) => r.purposeId === purposeId)).get(purposeId)?.consenting ?? false;
}
