import "server-only";
// use-intl/core, not next-intl: usable outside a request and in scripts (see lib/mail/translator.ts).
import { createTranslator } from "use-intl/core";
import type { Locale } from "./config";
import { loadMessages } from "./messages";

type Translate = (key: string, values?: Record<string, string | number>) => string;
const translators = new Map<Locale, { messages: object; t: Translate }>();

/** A text of the catalogue by its full key ("errors.body.tooLarge"), outside a page: route handlers and lib code. */
export function translate(locale: Locale, key: string, values?: Record<string, string | number>): string {
  const messages = loadMessages(locale);
  let kept = translators.get(locale);
  if (kept?.messages !== messages) {
    kept = { messages, t: createTranslator({ locale, messages }) as unknown as Translate };
    translators.set(locale, kept);
  }
  return kept.t(key, values);
}
