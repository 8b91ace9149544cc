/** An instant in the campaign's language and time zone ("23 novembre 2026 à 18:00"). */
export function formatInstant(date: Date, locale: string, timeZone: string): string {
  return new Intl.DateTimeFormat(locale === "en" ? "en-GB" : "fr-FR", { dateStyle: "long", timeStyle: "short", timeZone }).format(date);
}
