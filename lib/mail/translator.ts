import "server-only";
// use-intl/core, not next-intl: scripts run with the react-server condition (demo seeding), where next-intl pulls React hooks in.
import { createTranslator } from "use-intl/core";
import { loadMessages } from "@/lib/i18n/messages";
import type { Locale } from "@/lib/i18n/config";

const translators = new Map<Locale, { messages: object; t: MailT }>();

/**
 * Translations of the "mail" namespace outside a request (mails are rendered
 * in jobs and transactions). Kept per locale while its messages stay the same
 * object: a translator caches its parsed messages, and every submission
 * renders a mail.
 */
export function mailTranslator(locale: Locale): MailT {
  const messages = loadMessages(locale) as unknown as Record<string, Record<string, unknown>>;
  const kept = translators.get(locale);
  if (kept?.messages === messages) return kept.t;
  const t = createTranslator({ locale, messages: { mail: messages.mail ?? {} }, namespace: "mail" }) as unknown as MailT;
  translators.set(locale, { messages, t });
  return t;
}

export type MailT = (key: string, values?: Record<string, string | number | Date>) => string;
