import { z } from "zod";
import { nextDay, startOfLocalDay } from "@/lib/time-zone";

/** The source filter's value for responses without utm_source. */
export const DIRECT_SOURCE = "(direct)";

const day = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/)
  .refine((s) => !Number.isNaN(Date.parse(s)));

/**
 * The dashboard's filters as they come from the URL. Bad values are dropped
 * rather than refused: a hand-edited URL still shows the dashboard.
 */
export const analyticsSearchSchema = z.object({
  from: day.optional().catch(undefined),
  to: day.optional().catch(undefined),
  source: z.string().trim().max(200).optional().catch(undefined),
  granularity: z.enum(["day", "hour"]).optional().catch(undefined),
});

export type AnalyticsSearch = z.infer<typeof analyticsSearchSchema>;

/** Filters every analytics query applies: instants in UTC, `to` exclusive. */
export type AnalyticsFilters = {
  from?: Date;
  to?: Date;
  /** utm_source to keep; "" keeps the responses without one. */
  source?: string;
};

/** Whether any filter narrows the campaign's responses (unfiltered queries take faster paths). */
export function isFiltered(filters: AnalyticsFilters): boolean {
  return Boolean(filters.from || filters.to || filters.source !== undefined);
}

/** Search params → filters, reading days in the campaign's time zone (the "to" day is included). */
export function filtersFromSearch(search: AnalyticsSearch, timeZone: string): AnalyticsFilters {
  let { from, to } = search;
  if (from && to && from > to) [from, to] = [to, from];
  return {
    from: from ? startOfLocalDay(from, timeZone) : undefined,
    to: to ? startOfLocalDay(nextDay(to), timeZone) : undefined,
    source: search.source === undefined || search.source === "" ? undefined : search.source === DIRECT_SOURCE ? "" : search.source,
  };
}

/** Reads Next's searchParams object (values may be arrays) into the schema's input. */
export function parseAnalyticsSearch(params: Record<string, string | string[] | undefined>): AnalyticsSearch {
  const first = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);
  return analyticsSearchSchema.parse({
    from: first(params.from),
    to: first(params.to),
    source: first(params.source),
    granularity: first(params.granularity),
  });
}
