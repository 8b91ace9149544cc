import { Prisma } from "@/lib/generated/prisma/client";

/**
 * THE consent rule, in TypeScript and in SQL (one module, so the two cannot
 * drift; tests/integration/consent-rule.test.ts runs both on generated ledgers
 * and compares). Every reader of consent — export, leads filters, analytics,
 * preference centre, confirmation, withdrawal, erasure — goes through here.
 *
 * Per (contact, purpose), over the append-only ledger:
 * - the newest record decides; on the same instant a WITHDRAW is the newer
 *   (when in doubt we do not claim a consent we cannot prove);
 * - the person **agrees** ("consenting") when the deciding record is a GRANT
 *   or a CONFIRM;
 * - the consent **counts** ("confirmed") when, after the last withdrawal,
 *   there is a CONFIRM record: the double opt-in of the entry that granted it
 *   (lib/optin/confirm.ts writes one CONFIRM per purpose granted by the very
 *   entry whose link was clicked). An earlier confirmation of the same address
 *   in another campaign proves nothing about this grant. This holds whatever
 *   the campaign's `requireConfirmation`, which only decides whether an
 *   unconfirmed entry may win a draw (docs/decisions/008-consent-rule.md).
 *
 * Equivalently: consenting ⟺ max(GRANT/CONFIRM time) > max(WITHDRAW time);
 * confirmed ⟺ max(CONFIRM time) > max(WITHDRAW time) (a missing max is −∞).
 */

/** The ledger actions and how they read: GRANT and CONFIRM mean agreeing, WITHDRAW means not. */

export type LedgerEvent = {
  id?: string;
  purposeId: string;
  action: string;
  createdAt: Date;
};

type CurrentConsent<E extends LedgerEvent = LedgerEvent> = {
  purposeId: string;
  /** The person's latest decision is to agree (GRANT or CONFIRM), confirmed or not: what a withdrawal can withdraw */
  consenting: boolean;
  /** Agreeing AND confirmed by an entry's double opt-in since the last withdrawal: the consent counts (export, leads, analytics) */
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
 * (any order). Purposes without any record are absent (never consented).
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
    // The current streak: records strictly after the last withdrawal.
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

type ConsentRuleOptions = {
  /**
   * true (the default, and what anything that uses a consent must use): only
   * consents confirmed by their own entry's double opt-in count.
   * false: every consent the person has not withdrawn, confirmed or not (what
   * a withdrawal withdraws, what the preference centre lists as pending).
   */
  confirmedOnly?: boolean;
};

/** Whether the consent of these records (one contact) to `purposeId` counts now (see ConsentRuleOptions). */
export function consentsNow(records: readonly LedgerEvent[], purposeId: string, options: ConsentRuleOptions = {}): boolean {
  const state = currentConsents(records.filter((r) => r.purposeId === purposeId)).get(purposeId);
  if (!state) return false;
  return options.confirmedOnly === false ? state.consenting : state.confirmed;
}

// ───────────── The SQL twin (standard SQL: SQLite and PostgreSQL) ─────────────

/**
 * "The contact in `contactColumn` consents now to the purpose", as a row-by-row
 * predicate served by the (contactId, purposeId, createdAt) index: there is an
 * agreeing record (a CONFIRM when `confirmedOnly`, the default) with no
 * withdrawal at or after its instant.
 */
export function consentingNowSql(contactColumn: Prisma.Sql, purposeId: string, options: ConsentRuleOptions = {}): Prisma.Sql {
  const agreeing = options.confirmedOnly === false ? Prisma.sql`g."action" <> 'WITHDRAW'` : Prisma.sql`g."action" = 'CONFIRM'`;
  return Prisma.sql`EXISTS (
    SELECT 1 FROM "ConsentRecord" g
    WHERE g."contactId" = ${contactColumn} AND g."purposeId" = ${purposeId} AND ${agreeing}
      AND NOT EXISTS (
        SELECT 1 FROM "ConsentRecord" w
        WHERE w."contactId" = g."contactId" AND w."purposeId" = g."purposeId"
          AND w."action" = 'WITHDRAW' AND w."createdAt" >= g."createdAt"
      )
  )`;
}

/**
 * The (contactId, purposeId) pairs whose consent counts now, for counts and
 * joins over many contacts at once (one grouped pass on the covering index
 * ConsentRecord_current_idx). `where` narrows the ledger rows read (alias
 * `cr`), e.g. Prisma.sql`cr."purposeId" IN (…)`; callers scope it to their
 * organisation or campaign's purposes.
 */
export function consentingPairsSql(where: Prisma.Sql, options: ConsentRuleOptions = {}): Prisma.Sql {
  const agreeing = options.confirmedOnly === false ? Prisma.sql`cr."action" <> 'WITHDRAW'` : Prisma.sql`cr."action" = 'CONFIRM'`;
  return Prisma.sql`SELECT latest."contactId", latest."purposeId", latest."agreedAt" AS "createdAt" FROM (
    SELECT cr."contactId" AS "contactId", cr."purposeId" AS "purposeId",
      MAX(CASE WHEN ${agreeing} THEN cr."createdAt" END) AS "agreedAt",
      MAX(CASE WHEN cr."action" = 'WITHDRAW' THEN cr."createdAt" END) AS "withdrawnAt"
    FROM "ConsentRecord" cr
    WHERE ${where}
    GROUP BY cr."contactId", cr."purposeId"
  ) latest
  WHERE latest."agreedAt" IS NOT NULL AND (latest."withdrawnAt" IS NULL OR latest."agreedAt" > latest."withdrawnAt")`;
}

/** The ids of an organisation's contacts whose consent to one purpose counts now, with the date of their latest agreeing record. */
export function consentingContactsSql(organisationId: string, purposeId: string, options: ConsentRuleOptions = {}): Prisma.Sql {
  return consentingPairsSql(Prisma.sql`cr."organisationId" = ${organisationId} AND cr."purposeId" = ${purposeId}`, options);
}

/** The consent date a CRM records: the contact's latest grant or confirmation of the purpose. */
export function consentDateSql(contactColumn: Prisma.Sql, purposeId: string): Prisma.Sql {
  return Prisma.sql`(SELECT MAX(g."createdAt") FROM "ConsentRecord" g WHERE g."contactId" = ${contactColumn} AND g."purposeId" = ${purposeId} AND g."action" <> 'WITHDRAW')`;
}
