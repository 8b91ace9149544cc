import "server-only";
import { db } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import type { ShowIf } from "@/lib/campaigns/visibility-rules";
import type { AnalyticsFilters } from "./filters";
import { n, responseConditions } from "./sql";

/**
 * SQL twin of one show-if condition on a response `r`: it has an answer to the source
 * question with one of the values (an option id, "yes"/"no" as text, a scale's number).
 * Answers of hidden questions are never stored, so an answer to the source also says the
 * source was shown: the cascade of lib/campaigns/visibility-rules.ts holds in SQL as well.
 */
function conditionSql(c: ShowIf): Prisma.Sql {
  const numbers = c.anyOf.filter((v) => /^-?\d+$/.test(v)).map(Number);
  const matches = [Prisma.sql`a."optionId" IN (${Prisma.join(c.anyOf)})`, Prisma.sql`a."valueText" IN (${Prisma.join(c.anyOf)})`];
  if (numbers.length) matches.push(Prisma.sql`a."valueNumber" IN (${Prisma.join(numbers)})`);
  return Prisma.sql`EXISTS (SELECT 1 FROM "Answer" a WHERE a."responseId" = r."id" AND a."questionId" = ${c.questionId} AND (${Prisma.join(matches, " OR ")}))`;
}

/**
 * How many accepted responses (under the filters) were shown each conditional question: those
 * meeting its section's and its own conditions. Questions shown to everyone are not listed.
 */
export async function seenCounts(campaignId: string, filters: AnalyticsFilters, questions: Array<{ id: string; conditions: ShowIf[] }>): Promise<Map<string, number>> {
  const seen = new Map<string, number>();
  for (const q of questions) {
    if (q.conditions.length === 0) continue;
    const [row] = await db.$queryRaw<{ seen: unknown }[]>`
      SELECT COUNT(*) AS seen FROM "Response" r
      WHERE ${responseConditions(campaignId, filters)} AND ${Prisma.join(q.conditions.map(conditionSql), " AND ")}`;
    seen.set(q.id, n(row?.seen));
  }
  return seen;
}
