import { DEFAULT_LOCALE, isLocale, type Locale } from "./config";

/**
 * The visitor's preferred language among ours, from Accept-Language, for pages
 * that cannot know their campaign's (an unknown link): the first supported
 * language by weight, French otherwise.
 */
export function localeFromAcceptLanguage(header: string | null): Locale {
  const ranked = (header ?? "")
    .slice(0, 500)
    .split(",")
    .map((part, index) => {
      const [tag = "", ...params] = part.trim().split(";");
      const q = Number(params.find((p) => p.trim().startsWith("q="))?.trim().slice(2) ?? 1);
      return { language: tag.trim().toLowerCase().split("-")[0], q: Number.isFinite(q) ? q : 0, index };
    })
    .filter((r) => r.q > 0 && isLocale(r.language))
    .sort((a, b) => b.q - a.q || a.index - b.index);
  const first = ranked[0]?.language;
  return isLocale(first) ? first : DEFAULT_LOCALE;
}
