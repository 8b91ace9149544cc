import { fromZonedInput } from "@/lib/campaigns/time-window";

/**
 * Local calendar ↔ UTC instants for day and hour buckets, with Intl only.
 * The formatter is cached per zone: a series folds up to ~10,000 hours, and
 * building an Intl.DateTimeFormat per call would cost more than the query.
 */

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat("en-CA", { timeZone, hourCycle: "h23", year: "numeric", month: "2-digit", day: "2-digit", hour: "2-digit", minute: "2-digit" });
    formatters.set(timeZone, f);
  }
  return f;
}

/** The local wall-clock parts of an instant. */
export function localParts(instant: Date, timeZone: string): { day: string; hour: number; minute: number } {
  const parts = Object.fromEntries(formatter(timeZone).formatToParts(instant).map((p) => [p.type, p.value]));
  return { day: `${parts.year}-${parts.month}-${parts.day}`, hour: Number(parts.hour), minute: Number(parts.minute) };
}

/** The UTC instant of a local midnight ("2026-03-29" in Europe/Paris → 2026-03-28T23:00Z). */
export function startOfLocalDay(day: string, timeZone: string): Date {
  const instant = fromZonedInput(`${day}T00:00`, timeZone);
  if (!instant) throw new Error(`not a day: ${day}`);
  return instant;
}

/** The local day after `day` (calendar arithmetic, no time zone involved). */
export function nextDay(day: string): string {
  const [y, m, d] = day.split("-").map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d + 1)).toISOString().slice(0, 10);
}
