/**
 * Who may win a contest. Pure rules, applied to plain rows, so they are tested
 * in milliseconds and the same rules are written once.
 */

export type DrawCandidate = {
  id: string;
  contactId: string | null;
  status: string;
  submittedAt: Date;
  /** Response.confirmedAt */
  confirmedAt: Date | null;
  ageOk: boolean;
  erasedAt: Date | null;
  excludedAt: Date | null;
  /** The contact's state (null when the contact no longer exists) */
  contactErasedAt: Date | null;
};

type EligibilityRules = { requireConfirmation: boolean };

export const INELIGIBILITY_REASONS = ["rejected", "erased", "excluded", "unconfirmed", "age", "duplicate"] as const;
type IneligibilityReason = (typeof INELIGIBILITY_REASONS)[number];

/** Why one entry cannot win, or null when it can (the one-per-person rule needs the whole list: see `eligibleEntries`). */
export function ineligibilityOf(entry: DrawCandidate, rules: EligibilityRules): IneligibilityReason | null {
  if (entry.status !== "ACCEPTED") return "rejected";
  if (entry.erasedAt || !entry.contactId || entry.contactErasedAt) return "erased";
  if (entry.excludedAt) return "excluded";
  // The entry itself must be confirmed: a confirmation of the same address elsewhere proves nothing about who entered here.
  if (rules.requireConfirmation && !entry.confirmedAt) return "unconfirmed";
  if (!entry.ageOk) return "age";
  return null;
}

export type EligibilityReport = {
  /** Eligible response ids in the canonical order of the draw: submission time, then id */
  eligibleIds: string[];
  ineligible: Record<IneligibilityReason, number>;
};

/**
 * The eligible entries of a contest: each rule of `ineligibilityOf`, then one
 * entry per person (the earliest one counts; the database already allows one
 * entry per e-mail address, this also covers one contact reached twice).
 * The order is canonical so the stored list, its hash and the draw can be
 * recomputed by anyone.
 */
export function eligibleEntries(entries: readonly DrawCandidate[], rules: EligibilityRules): EligibilityReport {
  const ineligible = Object.fromEntries(INELIGIBILITY_REASONS.map((r) => [r, 0])) as Record<IneligibilityReason, number>;
  const sorted = entries.slice().sort(byCanonicalOrder);
  const seen = new Set<string>();
  const eligibleIds: string[] = [];
  for (const entry of sorted) {
    const reason = ineligibilityOf(entry, rules);
    if (reason) {
      ineligible[reason]++;
      continue;
    }
    if (seen.has(entry.contactId!)) {
      ineligible.duplicate++;
      continue;
    }
    seen.add(entry.contactId!);
    eligibleIds.push(entry.id);
  }
  return { eligibleIds, ineligible };
}

function byCanonicalOrder(a: DrawCandidate, b: DrawCandidate): number {
  const t = a.submittedAt.getTime() - b.submittedAt.getTime();
  if (t !== 0) return t;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}
