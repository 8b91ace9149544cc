import "server-only";
import { IntlMessageFormat } from "intl-messageformat";
import type { Locale } from "./config";
import { loadMessages } from "./messages";

export type MessageValues = Record<string, string | number | Date>;
export type Translate = (key: string, values?: MessageValues) => string;

type Compiled = { messages: object; formats: Map<string, IntlMessageFormat | null> };
const compiledByLocale = new Map<Locale, Compiled>();

/**
 * The formats of a locale, compiled once per key: server text made outside
 * React (route handlers, errors, mails rendered in jobs and inside the
 * submission's transaction) reads the same ICU messages as next-intl. Not
 * use-intl's translator: it memoises each call by serialising its arguments,
 * which cost a submission more than all its SQL inserts. Kept while the
 * locale's messages stay the same object (they are reloaded in development).
 */
function formatsOf(locale: Locale): { messages: Record<string, unknown>; formats: Map<string, IntlMessageFormat | null> } {
  const messages = loadMessages(locale);
  let compiled = compiledByLocale.get(locale);
  if (compiled?.messages !== messages) compiledByLocale.set(locale, (compiled = { messages, formats: new Map() }));
  return { messages, formats: compiled.formats };
}

function formatOf(locale: Locale, key: string): IntlMessageFormat | null {
  const { messages, formats } = formatsOf(locale);
  let format = formats.get(key);
  if (format === undefined) {
    const message = key.split(".").reduce<unknown>((node, part) => (node as Record<string, unknown> | undefined)?.[part], messages);
    format = typeof message === "string" ? new IntlMessageFormat(message, locale) : null;
    formats.set(key, format);
  }
  return format;
}

/** Whether the catalogue has a message at this full key ("errors.notFound"). */
export function hasMessage(locale: Locale, key: string): boolean {
  return /^[a-z]+(\.[A-Za-z0-9_-]+)+$/.test(key) && formatOf(locale, key) !== null;
}

/** A text of the catalogue by its full key ("errors.body.tooLarge"), outside a page: route handlers and lib code. */
export function translate(locale: Locale, key: string, values?: MessageValues): string {
  const format = formatOf(locale, key);
  if (!format) {
    // As next-intl does for a missing message: say so, and show the key rather than fail.
    console.error(`Missing message "${key}" in ${locale}`);
    return key;
  }
  return String(format.format(values));
}

/** The texts of one namespace ("mail", "respondent"): `t("subject")` reads "<namespace>.subject". */
export function translator(locale: Locale, namespace: string): Translate {
  return (key, values) => translate(locale, `${namespace}.${key}`, values);
}
