import { z } from "zod";

/** Columns the leads table can be sorted by. */
export const LEAD_SORTS = ["submittedAt", "email", "lastName", "segment", "rScore", "fScore", "mScore"] as const;
export type LeadSort = (typeof LEAD_SORTS)[number];
export const DRAW_STATUSES = ["winner", "alternate", "loser"] as const;
export const PAGE_SIZE = 50;

const blankToUndefined = (v: unknown) => (typeof v === "string" && v.trim() === "" ? undefined : v);
const optional = <T extends z.ZodType>(schema: T) => z.preprocess(blankToUndefined, schema.optional()).catch(undefined);
const score = optional(z.coerce.number().int().min(1).max(5));
const day = optional(z.string().regex(/^\d{4}-\d{2}-\d{2}$/));

/**
 * The leads table's filters, read from the URL: anything malformed falls back
 * to "no filter" rather than an error page, since URLs are edited by hand.
 */
export const leadFiltersSchema = z.object({
  q: optional(z.string().trim().max(100)),
  segment: optional(z.string().max(60)),
  r: score,
  f: score,
  m: score,
  purpose: optional(z.string().max(64)),
  confirmed: optional(z.enum(["yes", "no"])),
  draw: optional(z.enum(DRAW_STATUSES)),
  /** UTM source; "direct" means none */
  source: optional(z.string().max(100)),
  campaign: optional(z.string().max(64)),
  from: day,
  to: day,
  sort: z.enum(LEAD_SORTS).catch("submittedAt"),
  dir: z.enum(["asc", "desc"]).catch("desc"),
  page: z.coerce.number().int().min(1).max(100_000).catch(1),
});
export type LeadFilters = z.infer<typeof leadFiltersSchema>;

/** Filters from Next's searchParams (first value of repeated keys). */
export function parseLeadFilters(params: Record<string, string | string[] | undefined>): LeadFilters {
  const flat = Object.fromEntries(Object.entries(params).map(([k, v]) => [k, Array.isArray(v) ? v[0] : v]));
  return leadFiltersSchema.parse(flat);
}

/** The query string of some filters (defaults left out), to build sort and page links. */
export function filtersQuery(filters: LeadFilters, changes: Partial<LeadFilters> = {}): string {
  const merged = { ...filters, ...changes };
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(merged)) {
    if (value === undefined || value === null || value === "") continue;
    if (key === "sort" && value === "submittedAt") continue;
    if (key === "dir" && value === "desc") continue;
    if (key === "page" && value === 1) continue;
    params.set(key, String(value));
  }
  const text = params.toString();
  return text ? `?${text}` : "";
}

/** True when any filter (beyond sorting and paging) is set. */
export function hasFilters(filters: LeadFilters): boolean {
  const { sort: _s, dir: _d, page: _p, ...rest } = filters;
  return Object.values(rest).some((v) => v !== undefined);
}
