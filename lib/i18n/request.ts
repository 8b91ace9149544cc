import { cookies } from "next/headers";
import { getRequestConfig } from "next-intl/server";
import { DEFAULT_LOCALE, LOCALE_COOKIE, isLocale } from "./config";
import { loadMessages } from "./messages";

// No locale in URLs: the marketer's choice lives in a cookie, respondent
// pages pass their campaign's locale explicitly.
export default getRequestConfig(async ({ requestLocale }) => {
  const requested = await requestLocale;
  const fromCookie = (await cookies()).get(LOCALE_COOKIE)?.value;
  const locale = isLocale(requested) ? requested : isLocale(fromCookie) ? fromCookie : DEFAULT_LOCALE;
  return { locale, messages: loadMessages(locale), timeZone: "Europe/Paris" };
});
