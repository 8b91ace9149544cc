import "server-only";
import { Prisma } from "@/lib/generated/prisma/client";

/**
 * The eligible entries of a contest computed by the database, in the draw's
 * canonical order (submission time, then id): the same rules as
 * `eligibleEntries()` in ./eligibility.ts — accepted, not erased (entry and
 * contact), not excluded, age condition met, the entry confirmed when required,
 * the earliest entry of each person — so 100,000 entries never travel to
 * JavaScript as rows. tests/integration/draw-export.test.ts proves both
 * give the same list.
 *
 * Standard SQL (ROW_NUMBER() OVER, CASE), same text on SQLite and PostgreSQL.
 * On PostgreSQL, text ordering follows the column collation: ids are
 * lower-case letters and digits, which sort the same under "C" and common locales.
 */
export function eligibleIdsSql(campaignId: string, requireConfirmation: boolean): Prisma.Sql {
  const confirmation = requireConfirmation ? Prisma.sql`AND r."confirmedAt" IS NOT NULL` : Prisma.empty;
  return Prisma.sql`
    SELECT ranked."id" FROM (
      SELECT r."id", r."submittedAt",
        ROW_NUMBER() OVER (PARTITION BY r."contactId" ORDER BY r."submittedAt", r."id") AS "nth"
      FROM "Response" r JOIN "Contact" c ON c."id" = r."contactId"
      WHERE r."campaignId" = ${campaignId}
        AND r."status" = 'ACCEPTED'
        AND r."erasedAt" IS NULL AND c."erasedAt" IS NULL
        AND r."excludedAt" IS NULL
        AND r."ageOk" = TRUE
        ${confirmation}
    ) ranked
    WHERE ranked."nth" = 1
    ORDER BY ranked."submittedAt", ranked."id"`;
}

/**
 * "The entry r (with its contact c) was eligible when the draw ran", row by
 * row: the rules above, with the submission and — when confirmation is
 * required — the confirmation dated no later than the draw. This is the
 * stored eligible list of that draw without reading it into memory (nothing
 * un-excludes an entry or changes ageOk, and the database allows one entry
 * per person). `requireConfirmation` and `drawnAt` are SQL expressions
 * (a column or a parameter). Standard SQL.
 */
export function eligibleAtDrawSql(drawnAt: Prisma.Sql, requireConfirmation: Prisma.Sql): Prisma.Sql {
  return Prisma.sql`(r."status" = 'ACCEPTED' AND r."erasedAt" IS NULL AND r."excludedAt" IS NULL AND r."ageOk" = TRUE
    AND c."id" IS NOT NULL AND c."erasedAt" IS NULL AND r."submittedAt" <= ${drawnAt}
    AND (${requireConfirmation} = FALSE OR r."confirmedAt" <= ${drawnAt}))`;
}
