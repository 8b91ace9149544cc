/**
 * When a campaign accepts entries. Opening is inclusive, closing exclusive:
 * at `closesAt` exactly the form is closed. Closing by hand (closedManuallyAt)
 * closes it from that instant on, whatever the planned dates.
 */
export type WindowState = "NOT_OPEN" | "OPEN" | "CLOSED";

type TimeWindow = { opensAt: Date; closesAt: Date; closedManuallyAt?: Date | null };

export function windowState(window: TimeWindow, now: Date = new Date()): WindowState {
  const t = now.getTime();
  if (window.closedManuallyAt && t >= window.closedManuallyAt.getTime()) return "CLOSED";
  if (t < window.opensAt.getTime()) return "NOT_OPEN";
  if (t >= window.closesAt.getTime()) return "CLOSED";
  return "OPEN";
}

/** The public phase of a campaign as the marketer sees it in lists. */
export type Phase = "DRAFT" | "ARCHIVED" | WindowState;

export function phaseOf(campaign: TimeWindow & { status: string }, now: Date = new Date()): Phase {
  if (campaign.status === "DRAFT") return "DRAFT";
  if (campaign.status === "ARCHIVED") return "ARCHIVED";
  return windowState(campaign, now);
}

const pad = (n: number) => String(n).padStart(2, "0");

/** The wall-clock parts of an instant in a time zone. */
function zonedParts(date: Date, timeZone: string) {
  const parts = new Intl.DateTimeFormat("en-GB", {
    timeZone,
    hourCycle: "h23",
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
    hour: "2-digit",
    minute: "2-digit",
    second: "2-digit",
  }).formatToParts(date);
  const get = (type: string) => Number(parts.find((p) => p.type === type)!.value);
  return { year: get("year"), month: get("month"), day: get("day"), hour: get("hour"), minute: get("minute"), second: get("second") };
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
