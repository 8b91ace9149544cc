import { Prisma } from "@/lib/generated/prisma/client";
import { databaseKind } from "@/lib/db";
import type { AnalyticsFilters } from "./filters";

const postgres = databaseKind === "postgresql";

/**
 * The few SQL fragments that differ between SQLite and PostgreSQL.
 * Everything else in lib/analytics is standard SQL.
 *
 * Prisma's SQLite adapter stores DateTime as ISO-8601 text
 * ("2026-11-23T08:15:00.000+00:00"), so the UTC hour is its first 13 characters.
 * On PostgreSQL the `timestamp(3)` column holds UTC: to_char gives the same
 * key (no AT TIME ZONE, which would shift it by the session's zone). The
 * campaign's zone is applied to these UTC keys in lib/analytics, the same way on both.
 */
export function utcHourKey(column: string): Prisma.Sql {
  return Prisma.raw(postgres ? `to_char(${column}, 'YYYY-MM-DD"T"HH24')` : `substr(${column}, 1, 13)`);
}

/**
 * The WHERE conditions on a Response aliased `r` that every chart shares:
 * the campaign, accepted entries only (bots are stored as REJECTED), the date
 * range and the source.
 */
export function responseConditions(campaignId: string, filters: AnalyticsFilters, status: "accepted" | "any" = "accepted"): Prisma.Sql {
  const parts = [Prisma.sql`r."campaignId" = ${campaignId}`];
  if (status === "accepted") parts.push(Prisma.sql`r."status" = 'ACCEPTED'`);
  if (filters.from) parts.push(Prisma.sql`r."submittedAt" >= ${filters.from}`);
  if (filters.to) parts.push(Prisma.sql`r."submittedAt" < ${filters.to}`);
  if (filters.source !== undefined) parts.push(Prisma.sql`r."utmSource" = ${filters.source}`);
  return Prisma.join(parts, " AND ");
}

/** Raw counts come back as number or bigint depending on the driver. */
export function n(value: unknown): number {
  return value === null || value === undefined ? 0 : Number(value);
}

/** The separator of texts joined by `joinTexts` (ASCII record separator, stripped from the texts themselves). */
export const TEXT_SEPARATOR = "\u001e";

/**
 * Joins a page of texts into one value, so a page of 5,000 answers crosses
 * the driver as one row (the per-row cost of the client dominates otherwise).
 * PostgreSQL twin: string_agg(<column>, chr(30)).
 */
export function joinTexts(column: string): Prisma.Sql {
  return Prisma.raw(
    postgres ? `string_agg(replace(${column}, chr(30), ' '), chr(30))` : `group_concat(replace(${column}, char(30), ' '), char(30))`,
  );
}

/**
 * Case-insensitive LIKE for ASCII letters, which is what SQLite's LIKE does.
 * PostgreSQL twin: ILIKE.
 */
export const LIKE_ASCII_INSENSITIVE = Prisma.raw(postgres ? "ILIKE" : "LIKE");
