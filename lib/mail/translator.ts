import "server-only";
// use-intl/core, not next-intl: scripts run with the react-server condition (demo seeding), where next-intl pulls React hooks in.
import { createTranslator } from "use-intl/core";
import { loadMessages } from "@/lib/i18n/messages";
import type { Locale } from "@/lib/i18n/config";

/** Translations of the "mail" namespace outside a request (mails are rendered in jobs and transactions). */
export function mailTranslator(locale: Locale) {
  const messages = loadMessages(locale) as unknown as Record<string, Record<string, unknown>>;
  return createTranslator({ locale, messages: { mail: messages.mail ?? {} }, namespace: "mail" }) as unknown as MailT;
}

export type MailT = (key: string, values?: Record<string, string | number | Date>) => string;
