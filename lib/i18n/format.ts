/**
 * Every date, number and percentage a person reads, through Intl in the
 * reader's language: one small module (pure, usable on server and client) so
 * that "33,3 %" and "33.3 %" cannot sit side by side again.
 */

const tag = (locale: string) => (locale === "en" ? "en-GB" : "fr-FR");

// Built once per language, style and zone: an Intl formatter costs more to create than a whole mail to render.
const dateFormats = new Map<string, Intl.DateTimeFormat>();
function dateFormat(locale: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${tag(locale)}|${JSON.stringify(options)}`;
  let format = dateFormats.get(key);
  if (!format) dateFormats.set(key, (format = new Intl.DateTimeFormat(tag(locale), options)));
  return format;
}

/** A count: "12 345" in French, "12,345" in English. */
export function formatNumber(value: number, locale: string): string {
  return new Intl.NumberFormat(tag(locale), { maximumFractionDigits: 1 }).format(value);
}

/** A percentage given out of 100 (33.3 → "33,3 %" / "33.3%"), at most one decimal. */
export function formatPercent(value: number, locale: string): string {
  return new Intl.NumberFormat(tag(locale), { style: "percent", maximumFractionDigits: 1 }).format(value / 100);
}

/** French writes the first day of a month as an ordinal: "1er décembre", never "1 décembre". */
function withFrenchFirst(parts: Intl.DateTimeFormatPart[], locale: string): string {
  return parts.map((p) => (locale !== "en" && p.type === "day" && p.value === "1" ? "1er" : p.value)).join("");
}

// The last day formatted per language and zone, by minute: every mail of a submission dates itself "now".
const recentDays = new Map<string, { minute: number; text: string }>();
// Since 1980 every zone's offset is a whole number of minutes, so the day cannot change within a minute.
const WHOLE_MINUTE_OFFSETS_SINCE = Date.UTC(1980, 0, 1);

/** A day ("1er décembre 2026" / "1 December 2026") of an instant, in a time zone. */
export function formatDate(date: Date, locale: string, timeZone: string): string {
  const ms = date.getTime();
  const minute = Math.floor(ms / 60_000);
  const key = `${locale}|${timeZone}`;
  const recent = ms >= WHOLE_MINUTE_OFFSETS_SINCE ? recentDays.get(key) : undefined;
  if (recent?.minute === minute) return recent.text;
  const text = withFrenchFirst(dateFormat(locale, { dateStyle: "long", timeZone }).formatToParts(date), locale);
  if (ms >= WHOLE_MINUTE_OFFSETS_SINCE) {
    if (recentDays.size > 100) recentDays.clear();
    recentDays.set(key, { minute, text });
  }
  return text;
}

/** An instant ("1er décembre 2026 à 08:30" / "1 December 2026 at 08:30"), in a time zone. */
export function formatDateTime(date: Date, locale: string, timeZone: string): string {
  return withFrenchFirst(dateFormat(locale, { dateStyle: "long", timeStyle: "short", timeZone }).formatToParts(date), locale);
}

/** A calendar day stored as "1972-09-30" (a birth date: no time zone), as "30 septembre 1972" / "30 September 1972". */
export function formatCalendarDay(day: string, locale: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day);
  if (!match) return day;
  const date = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])));
  return formatDate(date, locale, "UTC");
}

/** A bucket of the statistics' time axis: "2026-12-01" → "1er déc." ; "2026-12-01 07h" → "1er déc., 07:00" (en: "1 Dec, 07:00"). */
export function formatBucket(bucket: string, locale: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})(?: (\d{2})h)?$/.exec(bucket);
  if (!match) return bucket;
  const date = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]), Number(match[4] ?? 0)));
  const options: Intl.DateTimeFormatOptions = { day: "numeric", month: "short", timeZone: "UTC", ...(match[4] ? { hour: "2-digit", minute: "2-digit", hourCycle: "h23" as const } : {}) };
  return withFrenchFirst(dateFormat(locale, options).formatToParts(date), locale);
}
