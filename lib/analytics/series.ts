import { localParts } from "@/lib/time-zone";

/** Counts per UTC hour, keyed "YYYY-MM-DDTHH" (what the SQL hour bucket returns). */
type HourCounts = ReadonlyMap<string, number>;

export type Granularity = "day" | "hour";

export type SeriesPoint = { bucket: string; submissions: number; views: number };

const HOUR = 3_600_000;
/** Beyond this many hours an hourly chart is unreadable: switch to days. */
const MAX_HOURLY = 24 * 14;
/** The longest period drawn (the most recent part is kept). */
const MAX_HOURS = 24 * 400;

/** Hourly when the period fits in two days, daily otherwise. */
export function autoGranularity(from: Date, to: Date): Granularity {
  return to.getTime() - from.getTime() <= 48 * HOUR ? "hour" : "day";
}

/**
 * Folds UTC-hour counts into local days or hours of the campaign's time zone,
 * every bucket of the period present (zeros included, so the chart's time axis
 * is true). Hours map one-to-one onto local hours because the zones we serve
 * have whole-hour offsets.
 */
export function buildSeries(input: {
  submissions: HourCounts;
  views: HourCounts;
  from: Date;
  to: Date;
  timeZone: string;
  granularity: Granularity;
}): { granularity: Granularity; points: SeriesPoint[] } {
  const end = Math.ceil(input.to.getTime() / HOUR) * HOUR;
  const start = Math.max(Math.floor(input.from.getTime() / HOUR) * HOUR, end - MAX_HOURS * HOUR);
  const granularity = input.granularity === "hour" && end - start > MAX_HOURLY * HOUR ? "day" : input.granularity;
  const points = new Map<string, SeriesPoint>();
  for (let t = start; t < end; t += HOUR) {
    const instant = new Date(t);
    const key = instant.toISOString().slice(0, 13);
    const local = localParts(instant, input.timeZone);
    const bucket = granularity === "day" ? local.day : `${local.day} ${String(local.hour).padStart(2, "0")}h`;
    const point = points.get(bucket) ?? { bucket, submissions: 0, views: 0 };
    point.submissions += input.submissions.get(key) ?? 0;
    point.views += input.views.get(key) ?? 0;
    points.set(bucket, point);
  }
  return { granularity, points: [...points.values()] };
}
