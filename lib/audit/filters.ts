import { z } from "zod";

const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
const blankToUndefined = (v: unknown) => (typeof v === "string" && v.trim() === "" ? undefined : v);

/** The audit log's filters, from the page's query string (unknown or malformed values are dropped, not errors). */
export const auditFiltersSchema = z.object({
  action: z.preprocess(blankToUndefined, z.string().regex(/^[a-z_.]{1,60}$/).optional()).catch(undefined),
  /** A member's user id, or an actor code (SYSTEM, RESPONDENT, PARENT) */
  person: z.preprocess(blankToUndefined, z.string().regex(/^[A-Za-z0-9_-]{1,64}$/).optional()).catch(undefined),
  /** First and last local day, inclusive */
  from: z.preprocess(blankToUndefined, day.optional()).catch(undefined),
  to: z.preprocess(blankToUndefined, day.optional()).catch(undefined),
  page: z.coerce.number().int().min(0).max(100_000).catch(0).default(0),
});
export type AuditFilters = z.infer<typeof auditFiltersSchema>;

/** The filters from a page's search params (first value of each). */
export function parseAuditFilters(params: Record<string, string | string[] | undefined>): AuditFilters {
  const first = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);
  return auditFiltersSchema.parse({ action: first(params.action), person: first(params.person), from: first(params.from), to: first(params.to), page: first(params.page) });
}

/** The query string of the filters (for links and the CSV export), without the page. */
export function auditFilterQuery(filters: AuditFilters): string {
  const params = new URLSearchParams();
  for (const key of ["action", "person", "from", "to"] as const) if (filters[key]) params.set(key, filters[key]!);
  return params.toString();
}
