import "server-only";
import type { Locale } from "@/lib/i18n/config";
import { translator, type Translate } from "@/lib/i18n/translate";

/** Translations of the "mail" namespace outside a request: mails are rendered in jobs and inside the submission's transaction. */
export function mailTranslator(locale: Locale): Translate {
  return translator(locale, "mail");
}
