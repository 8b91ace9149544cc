import "server-only";
import { NextResponse } from "next/server";
import { AppError } from "@/lib/errors";
import { DEFAULT_LOCALE, LOCALE_COOKIE, isLocale, type Locale } from "@/lib/i18n/config";
import { hasMessage, translate } from "@/lib/i18n/translate";
import { isDatabaseUnavailable } from "@/lib/storage/unavailable";

/** Who reads a route's answers decides their language: the marketer's choice by default, a form's language for its respondents. */
export type LocaleOf<A extends unknown[]> = (...args: A) => Locale | Promise<Locale>;

/** The marketer's language: the cookie the language switch sets (as next-intl reads it for pages), French otherwise. */
export function cookieLocale(request: unknown): Locale {
  if (!(request instanceof Request)) return DEFAULT_LOCALE;
  const cookie = request.headers.get("cookie") ?? "";
  const value = cookie
    .split(";")
    .map((part) => part.trim().split("="))
    .find(([name]) => name === LOCALE_COOKIE)?.[1];
  return isLocale(value) ? value : DEFAULT_LOCALE;
}

/**
 * Wraps a route handler: expected errors become JSON with their status, their
 * message (a catalogue key) in the reader's language (`localeOf`, by default
 * the marketer's); the rest a logged 500 without details. Field errors stay
 * catalogue keys: the client's form says them beside each field.
 */
export function apiRoute<A extends unknown[]>(handler: (...args: A) => Promise<Response>, localeOf: LocaleOf<A> = (...args) => cookieLocale(args[0])) {
  return async (...args: A): Promise<Response> => {
    try {
      return await handler(...args);
    } catch (error) {
      const words = async (key: string) => {
        // The reader's language may need the database (a form's language): if that fails too, French.
        const locale = await Promise.resolve()
          .then(() => localeOf(...args))
          .catch(() => DEFAULT_LOCALE);
        return hasMessage(locale, key) ? translate(locale, key) : key;
      };
      if (error instanceof AppError) {
        return NextResponse.json({ error: await words(error.message), fieldErrors: error.fieldErrors }, { status: error.status });
      }
      if (isDatabaseUnavailable(error)) {
        console.error(`database unavailable: ${(error as Error).message}`);
        return NextResponse.json({ error: translate(cookieLocale(args[0]), "errors.unavailable") }, { status: 503, headers: { "Retry-After": "5" } });
      }
      console.error(error);
      return NextResponse.json({ error: await words("errors.unexpected") }, { status: 500 });
    }
  };
}
