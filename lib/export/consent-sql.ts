import "server-only";
import { Prisma } from "@/lib/generated/prisma/client";

/**
 * "The contact in `contactColumn` currently consents to the purpose", as a
 * SQL predicate evaluated row by row through the (contactId, purposeId,
 * createdAt) index — the rule of lib/consent/current.ts (the newest ledger
 * record decides; a WITHDRAW at the same instant as a grant wins) without
 * ranking the organisation's whole ledger for every batch of an export:
 * there is a grant or confirmation with no record after it and no withdrawal
 * at its instant. tests/integration/draw-export.test.ts checks it against
 * `currentConsents()`. Standard SQL (SQLite and PostgreSQL).
 */
export function consentingNowSql(contactColumn: Prisma.Sql, purposeId: string): Prisma.Sql {
  return Prisma.sql`EXISTS (
    SELECT 1 FROM "ConsentRecord" g
    WHERE g."contactId" = ${contactColumn} AND g."purposeId" = ${purposeId} AND g."action" <> 'WITHDRAW'
      AND NOT EXISTS (
        SELECT 1 FROM "ConsentRecord" w
        WHERE w."contactId" = g."contactId" AND w."purposeId" = g."purposeId"
          AND (w."createdAt" > g."createdAt" OR (w."createdAt" = g."createdAt" AND w."action" = 'WITHDRAW'))
      )
  )`;
}

/** The date of the contact's latest grant or confirmation of the purpose (the consent date a CRM records). */
export function consentDateSql(contactColumn: Prisma.Sql, purposeId: string): Prisma.Sql {
  return Prisma.sql`(SELECT MAX(g."createdAt") FROM "ConsentRecord" g WHERE g."contactId" = ${contactColumn} AND g."purposeId" = ${purposeId} AND g."action" <> 'WITHDRAW')`;
}
