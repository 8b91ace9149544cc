import { formatDateTime } from "@/lib/i18n/format";

/** An instant in the campaign's language and time zone ("1er décembre 2026 à 18:00"). */
export function formatInstant(date: Date, locale: string, timeZone: string): string {
  return formatDateTime(date, locale, timeZone);
}
