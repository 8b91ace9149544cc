import { Prisma } from "@/lib/generated/prisma/client";

/**
 * Who may win a contest: THE eligibility rule, in TypeScript and in SQL (one
 * module, so the two cannot drift; tests/integration/draw-eligibility-rule.test.ts
 * runs both on generated rows and compares). The TypeScript functions take
 * plain rows and are tested in milliseconds; the SQL twins let the database
 * apply the same rule to 100,000 entries without sending them to JavaScript.
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

/**
 * Whether an entry was eligible when a draw ran at `drawnAt`, on its own (the
 * database allows one entry per person, so the one-per-person step of
 * `eligibleEntries` changes nothing here): the rules of `ineligibilityOf`, with
 * the submission and, when confirmation is required, the confirmation dated no
 * later than the draw. Nothing un-excludes an entry or changes ageOk, so this
 * is the stored eligible list of that draw, row by row.
 */
export function eligibleAtDraw(entry: DrawCandidate, drawnAt: Date, rules: EligibilityRules): boolean {
  if (ineligibilityOf({ ...entry, confirmedAt: null }, { requireConfirmation: false }) !== null) return false;
  if (entry.submittedAt > drawnAt) return false;
  return !rules.requireConfirmation || (entry.confirmedAt !== null && entry.confirmedAt <= drawnAt);
}

/**
 * The SQL twin of `ineligibilityOf(...) === null` for the entry `r` and its
 * contact `c` (LEFT JOINed: no contact is not eligible). With `at`, the
 * submission and a required confirmation must be dated no later than `at`
 * (`eligibleAtDraw`). `requireConfirmation` and `at` are SQL expressions
 * (a column or a parameter). Standard SQL, same text on SQLite and PostgreSQL.
 */
function eligibleEntrySql(requireConfirmation: Prisma.Sql, at: Prisma.Sql | null): Prisma.Sql {
  const confirmed = at ? Prisma.sql`r."confirmedAt" <= ${at}` : Prisma.sql`r."confirmedAt" IS NOT NULL`;
  const submitted = at ? Prisma.sql`AND r."submittedAt" <= ${at}` : Prisma.empty;
  return Prisma.sql`(r."status" = 'ACCEPTED' AND r."erasedAt" IS NULL AND c."id" IS NOT NULL AND c."erasedAt" IS NULL
    AND r."excludedAt" IS NULL AND r."ageOk" = TRUE ${submitted}
    AND (${requireConfirmation} = FALSE OR ${confirmed}))`;
}

/**
 * The SQL twin of `eligibleEntries(...).eligibleIds`: the eligible entries of a
 * contest in the draw's canonical order (submission time, then id), the
 * earliest entry of each person.
 *
 * On PostgreSQL, text ordering follows the column collation: ids are
 * lower-case letters and digits, which sort the same under "C" and common locales.
 */
export function eligibleIdsSql(campaignId: string, requireConfirmation: boolean): Prisma.Sql {
  return Prisma.sql`
    SELECT ranked."id" FROM (
      SELECT r."id", r."submittedAt",
        ROW_NUMBER() OVER (PARTITION BY r."contactId" ORDER BY r."submittedAt", r."id") AS "nth"
      FROM "Response" r LEFT JOIN "Contact" c ON c."id" = r."contactId"
      WHERE r."campaignId" = ${campaignId} AND ${eligibleEntrySql(Prisma.sql`${requireConfirmation}`, null)}
    ) ranked
    WHERE ranked."nth" = 1
    ORDER BY ranked."submittedAt", ranked."id"`;
}

/**
 * The SQL twin of `eligibleAtDraw`, for the entry `r` and its contact `c`
 * (LEFT JOINed) in a larger query (the losers of a draw in the leads table and
 * the export). `drawnAt` and `requireConfirmation` are SQL expressions.
 */
export function eligibleAtDrawSql(drawnAt: Prisma.Sql, requireConfirmation: Prisma.Sql): Prisma.Sql {
  return eligibleEntrySql(requireConfirmation, drawnAt);
}

function byCanonicalOrder(a: DrawCandidate, b: DrawCandidate): number {
  const t = a.submittedAt.getTime() - b.submittedAt.getTime();
  if (t !== 0) return t;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}
