/**
 * Wall-clock time in a time zone ↔ UTC instants, with Intl only: the one home of
 * time-zone conversion (campaign dates typed in the builder, day and hour buckets
 * of the statistics, day filters of the consent ledger).
 * The formatter is cached per zone: a series folds up to ~10,000 hours, and
 * building an Intl.DateTimeFormat per call would cost more than the query.
 */

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat("en-GB", { timeZone, hourCycle: "h23", year: "numeric", month: "2-digit", day: "2-digit", hour: "2-digit", minute: "2-digit", second: "2-digit" });
    formatters.set(timeZone, f);
  }
  return f;
}

const pad = (n: number) => String(n).padStart(2, "0");

/** The wall-clock parts of an instant in a time zone. */
function zonedParts(date: Date, timeZone: string) {
  const parts = formatter(timeZone).formatToParts(date);
  const get = (type: string) => Number(parts.find((p) => p.type === type)!.value);
  return { year: get("year"), month: get("month"), day: get("day"), hour: get("hour"), minute: get("minute"), second: get("second") };
}

/** The local wall-clock parts of an instant. */
export function localParts(instant: Date, timeZone: string): { day: string; hour: number; minute: number } {
  const p = zonedParts(instant, timeZone);
  return { day: `${p.year}-${pad(p.month)}-${pad(p.day)}`, hour: p.hour, minute: p.minute };
}

/** "2026-12-01 08:05:09": the local wall-clock time of an instant, sortable (exports). */
export function localDateTime(instant: Date, timeZone: string): string {
  const p = zonedParts(instant, timeZone);
  return `${p.year}-${pad(p.month)}-${pad(p.day)} ${pad(p.hour)}:${pad(p.minute)}:${pad(p.second)}`;
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

/** An instant as the value of an `<input type="datetime-local">` in a time zone ("2026-11-23T09:30"). */
export function toZonedInput(date: Date, timeZone: string): string {
  const p = zonedParts(date, timeZone);
  return `${p.year}-${pad(p.month)}-${pad(p.day)}T${pad(p.hour)}:${pad(p.minute)}`;
}

/**
 * The instant a wall-clock time ("2026-11-23T09:30") names in a time zone.
 * In the hour skipped when clocks go forward the time is moved past the gap;
 * in the repeated hour the first occurrence is taken.
 */
export function fromZonedInput(value: string, timeZone: string): Date | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/.exec(value);
  if (!match) return null;
  const [, y, mo, d, h, mi] = match.map(Number) as [number, number, number, number, number, number];
  const asUtc = Date.UTC(y, mo - 1, d, h, mi);
  const check = new Date(asUtc);
  if (check.getUTCFullYear() !== y || check.getUTCMonth() !== mo - 1 || check.getUTCDate() !== d || h > 23 || mi > 59) return null;
  // Two passes of "offset at the guess" converge for every real zone.
  let guess = asUtc - offsetMs(new Date(asUtc), timeZone);
  guess = asUtc - offsetMs(new Date(guess), timeZone);
  const earlier = asUtc - offsetMs(new Date(guess - 3_600_000), timeZone);
  if (earlier < guess && toZonedInput(new Date(earlier), timeZone) === value) return new Date(earlier);
  return new Date(guess);
}

/** The zone's offset from UTC at an instant, in milliseconds. */
function offsetMs(date: Date, timeZone: string): number {
  const p = zonedParts(date, timeZone);
  const wall = Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second);
  return wall - Math.floor(date.getTime() / 1000) * 1000;
}

/** True when the name is a time zone this runtime knows. */
export function isTimeZone(value: string): boolean {
  try {
    new Intl.DateTimeFormat("en", { timeZone: value });
    return true;
  } catch {
    return false;
  }
}
