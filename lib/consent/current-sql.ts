import "server-only";
import { Prisma } from "@/lib/generated/prisma/client";

/**
 * Current consent in SQL, for queries that must not load the ledger into memory
 * (streamed exports, counts). Same rule as `currentConsents()` in ./current.ts:
 * per (contact, purpose) the newest record decides; on the same instant a
 * WITHDRAW sorts first; the record id breaks any remaining tie deterministically.
 *
 * Portable: ROW_NUMBER() OVER (PARTITION BY … ORDER BY …) and CASE are standard
 * SQL and run unchanged on SQLite (≥ 3.25) and PostgreSQL.
 *
 * `currentConsentCte(orgId)` is a CTE named `current_consent` with columns
 * ("contactId", "purposeId", "action", "method", "campaignId", "createdAt"):
 * one row per (contact, purpose) that ever had a record. A contact consents to
 * purpose P exactly when its row exists with "action" <> 'WITHDRAW'.
 *
 * Usage:
 *   db.$queryRaw`WITH ${currentConsentCte(orgId)}
 *     SELECT c."id" FROM "Contact" c JOIN current_consent cc ON cc."contactId" = c."id"
 *     WHERE cc."purposeId" = ${purposeId} AND cc."action" <> 'WITHDRAW'`
 */
export function currentConsentCte(organisationId: string, purposeIds?: readonly string[]): Prisma.Sql {
  const purposeFilter = purposeIds && purposeIds.length > 0 ? Prisma.sql`AND cr."purposeId" IN (${Prisma.join(purposeIds)})` : Prisma.empty;
  return Prisma.sql`current_consent AS (
  SELECT ranked."contactId", ranked."purposeId", ranked."action", ranked."method", ranked."campaignId", ranked."createdAt"
  FROM (
    SELECT cr."contactId", cr."purposeId", cr."action", cr."method", cr."campaignId", cr."createdAt",
      ROW_NUMBER() OVER (
        PARTITION BY cr."contactId", cr."purposeId"
        ORDER BY cr."createdAt" DESC, CASE WHEN cr."action" = 'WITHDRAW' THEN 1 ELSE 0 END DESC, cr."id" DESC
      ) AS rn
    FROM "ConsentRecord" cr
    WHERE cr."organisationId" = ${organisationId} ${purposeFilter}
  ) ranked
  WHERE ranked.rn = 1
)`;
}

/**
 * The ids of the contacts currently consenting to one purpose (with the date
 * of the deciding record), e.g. for counts or a join in an export.
 */
export function consentingContactsSql(organisationId: string, purposeId: string): Prisma.Sql {
  return Prisma.sql`WITH ${currentConsentCte(organisationId, [purposeId])}
SELECT cc."contactId", cc."createdAt" FROM current_consent cc WHERE cc."action" <> 'WITHDRAW'`;
}
