import { NotFound } from "@/lib/errors";

/**
 * The guard every organisation-scoped read goes through: an object that does
 * not exist and one that belongs to another organisation look the same (404),
 * so ids of other tenants cannot be probed.
 */
export function ensureInOrganisation<T extends { organisationId: string }>(
  row: T | null | undefined,
  organisationId: string,
): T {
  if (!row || row.organisationId !== organisationId) throw new NotFound();
  return row;
}

/** A Prisma `where` fragment scoping a query to one organisation. */
export function inOrganisation(organisationId: string): { organisationId: string } {
  if (!organisationId) throw new Error("organisationId is required to scope a query");
  return { organisationId };
}
