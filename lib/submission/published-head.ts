import "server-only";
import { readSql } from "@/lib/db";
import { windowState, type WindowState } from "@/lib/campaigns/time-window";

/** The few columns of a campaign read on every public request (page, start call, submission). */
export type HeadRow = {
  id: string;
  status: string;
  updatedAt: string;
  organisationUpdatedAt: string;
  opensAt: string;
  closesAt: string;
  closedManuallyAt: string | null;
  publishedAt: string | null;
};

// Plain SQL: this read runs on every form page and submission, and Prisma's query building costs more than the read.
const HEAD_SQL = `SELECT c."id", c."status", c."updatedAt", o."updatedAt" AS "organisationUpdatedAt", c."opensAt", c."closesAt", c."closedManuallyAt", c."publishedAt"
FROM "Campaign" c JOIN "Organisation" o ON o."id" = c."organisationId" WHERE c."slug" = ?`;

/**
 * A public campaign's head by slug. Drafts and unknown slugs give null;
 * archived campaigns that were once public stay visible as closed (their QR
 * codes are still out there).
 */
export async function readPublishedHead(slug: string): Promise<HeadRow | null> {
  const row = await readSql((sql) => sql.get<HeadRow>(HEAD_SQL, slug));
  if (!row || !(row.status === "PUBLISHED" || (row.status === "ARCHIVED" && row.publishedAt))) return null;
  return row;
}

/**
 * The cache key of a public campaign: the instants of its and its
 * organisation's last saves, in milliseconds whatever the driver returns
 * (text on SQLite, Date on PostgreSQL, whose string form drops milliseconds).
 */
export function cacheVersion(row: { updatedAt: string | Date; organisationUpdatedAt: string | Date }): string {
  return `${new Date(row.updatedAt).getTime()}|${new Date(row.organisationUpdatedAt).getTime()}`;
}

const dateOrNull = (value: string | null) => (value === null ? null : new Date(value));

/** The opening window of a public campaign; archived: closed, whatever the dates. */
export function headWindow(row: HeadRow) {
  return {
    opensAt: new Date(row.opensAt),
    closesAt: new Date(row.closesAt),
    closedManuallyAt: dateOrNull(row.closedManuallyAt) ?? (row.status === "ARCHIVED" ? new Date(row.updatedAt) : null),
  };
}

/** Whether a public campaign takes entries at an instant. */
export function headState(row: HeadRow, now = new Date()): WindowState {
  return row.status === "ARCHIVED" ? "CLOSED" : windowState(headWindow(row), now);
}

const STATES: readonly WindowState[] = ["NOT_OPEN", "OPEN", "CLOSED"];

/**
 * The key of one rendering of the form page: everything the page shows
 * depends on the campaign's version (every save of the builder, the
 * organisation's settings, a publication, a closing or an archiving changes
 * it) and on its state at the instant of the request. A new version or state
 * is a new key, so a rendering cached under a key never goes stale.
 */
export function formPageKey(row: HeadRow, now = new Date()): string {
  const closed = row.closedManuallyAt === null ? 0 : new Date(row.closedManuallyAt).getTime();
  return [new Date(row.updatedAt).getTime(), new Date(row.organisationUpdatedAt).getTime(), closed, headState(row, now)].join("-");
}

/** The state a key was made at (null for a key not made by formPageKey). */
export function stateOfFormPageKey(key: string): WindowState | null {
  if (!/^\d+-\d+-\d+-[A-Z_]+$/.test(key)) return null;
  const state = key.slice(key.lastIndexOf("-") + 1) as WindowState;
  return STATES.includes(state) ? state : null;
}
