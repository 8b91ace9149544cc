import "server-only";
import { IntlMessageFormat } from "intl-messageformat";
import { loadMessages } from "@/lib/i18n/messages";
import type { Locale } from "@/lib/i18n/config";

type Compiled = { messages: object; formats: Map<string, IntlMessageFormat> };
const compiledByLocale = new Map<Locale, Compiled>();

/**
 * Translations of the "mail" namespace outside a request (mails are rendered
 * in jobs and inside the submission's transaction). The same ICU messages as
 * next-intl, compiled once per key: use-intl's translator memoises each call
 * by serialising its arguments, which cost a submission more than all its
 * SQL inserts (about 15 calls per mail, one mail per entry). Kept while the
 * locale's messages stay the same object (they are reloaded in development).
 */
export function mailTranslator(locale: Locale): MailT {
  const messages = loadMessages(locale);
  let compiled = compiledByLocale.get(locale);
  if (compiled?.messages !== messages) compiledByLocale.set(locale, (compiled = { messages, formats: new Map() }));
  const { formats } = compiled;
  const mail = (messages.mail ?? {}) as Record<string, unknown>;
  return (key, values) => {
    let format = formats.get(key);
    if (!format) {
      const message = key.split(".").reduce<unknown>((node, part) => (node as Record<string, unknown> | undefined)?.[part], mail);
      if (typeof message !== "string") {
        // As next-intl does for a missing message: say so, and show the key rather than fail the mail.
        console.error(`Missing mail message "${key}" in ${locale}`);
        return `mail.${key}`;
      }
      formats.set(key, (format = new IntlMessageFormat(message, locale)));
    }
    return String(format.format(values));
  };
}

type MailT = (key: string, values?: Record<string, string | number | Date>) => string;
