import { z } from "zod";
import { fromZonedInput, nextDay } from "@/lib/time-zone";

export const LEDGER_ACTIONS = ["GRANT", "CONFIRM", "WITHDRAW"] as const;
export const LEDGER_METHODS = ["CHECKBOX", "DOUBLE_OPT_IN", "PREFERENCE_CENTRE", "UNSUBSCRIBE_LINK", "ADMIN", "ERASURE"] as const;

const day = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/)
  .optional()
  .or(z.literal("").transform(() => undefined));

/** Filters of the ledger page and its CSV export (query-string values). */
export const ledgerFiltersSchema = z.object({
  action: z.enum(LEDGER_ACTIONS).optional().or(z.literal("").transform(() => undefined)),
  method: z.enum(LEDGER_METHODS).optional().or(z.literal("").transform(() => undefined)),
  campaignId: z.string().max(64).optional().or(z.literal("").transform(() => undefined)),
  purposeId: z.string().max(64).optional().or(z.literal("").transform(() => undefined)),
  email: z.string().trim().max(200).optional().or(z.literal("").transform(() => undefined)),
  from: day,
  to: day,
  page: z.coerce.number().int().min(1).max(100_000).catch(1).default(1),
});
export type LedgerFilters = z.infer<typeof ledgerFiltersSchema>;

/** Reads filters from search params, dropping what is invalid rather than failing the page. */
export function parseLedgerFilters(params: Record<string, string | string[] | undefined>): LedgerFilters {
  const flat = Object.fromEntries(Object.entries(params).map(([k, v]) => [k, Array.isArray(v) ? v[0] : v]));
  const parsed = ledgerFiltersSchema.safeParse(flat);
  if (parsed.success) return parsed.data;
  const safe: Record<string, unknown> = {};
  for (const key of Object.keys(ledgerFiltersSchema.shape) as (keyof typeof ledgerFiltersSchema.shape)[]) {
    const one = ledgerFiltersSchema.shape[key].safeParse(flat[key]);
    if (one.success) safe[key] = one.data;
  }
  return { page: 1, ...safe } as LedgerFilters;
}

/**
 * The instants a ledger filter's days cover, in Europe/Paris: [from at 00:00, the day after `to` at 00:00).
 * A day is 23 or 25 hours when the clocks change, so the end is the next local midnight, not 24 hours on.
 */
export function ledgerDayRange(from: string | undefined, to: string | undefined, timeZone = "Europe/Paris"): { gte?: Date; lt?: Date } {
  // A day the calendar does not have (2026-02-31) filters nothing rather than failing.
  const gte = from ? fromZonedInput(`${from}T00:00`, timeZone) : null;
  const lt = to && fromZonedInput(`${to}T00:00`, timeZone) ? fromZonedInput(`${nextDay(to)}T00:00`, timeZone) : null;
  return { ...(gte ? { gte } : {}), ...(lt ? { lt } : {}) };
}
