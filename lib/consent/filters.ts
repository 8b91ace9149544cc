import { z } from "zod";

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

/** Paris-day bounds as instants ([from 00:00, to+1 00:00) in Europe/Paris). */
export function dayStart(day: string, timeZone = "Europe/Paris"): Date {
  const utc = new Date(`${day}T00:00:00Z`);
  const offset = tzOffsetMs(utc, timeZone);
  return new Date(utc.getTime() - offset);
}

function tzOffsetMs(instant: Date, timeZone: string): number {
  const parts = new Intl.DateTimeFormat("en-US", { timeZone, hourCycle: "h23", year: "numeric", month: "2-digit", day: "2-digit", hour: "2-digit", minute: "2-digit", second: "2-digit" }).formatToParts(instant);
  const get = (t: string) => Number(parts.find((p) => p.type === t)!.value);
  const asUtc = Date.UTC(get("year"), get("month") - 1, get("day"), get("hour"), get("minute"), get("second"));
  return asUtc - instant.getTime();
}
