import "server-only";
import { escapeHtml } from "@/lib/html";
import type { Locale } from "@/lib/i18n/config";
import { PREFERENCES_LINK_DAYS, preferencesUrl } from "@/lib/preferences/links";
import { type MailOrganisation, type RenderedMail, labelled, mailButton, renderMail } from "../render";
import { mailTranslator } from "../translator";

/** A fresh preference-centre link, asked for from the "send me a fresh link" page. */
export function freshLinkMail(input: { locale: Locale; organisation: MailOrganisation; contactId: string; now?: Date }): RenderedMail {
  const t = mailTranslator(input.locale);
  const url = preferencesUrl(input.contactId);
  const intro = t("freshLink.intro", { days: PREFERENCES_LINK_DAYS });
  return renderMail({
    locale: input.locale,
    organisation: input.organisation,
    contactId: input.contactId,
    now: input.now,
    reason: t("freshLink.reason", { organisation: input.organisation.name }),
    subject: t("freshLink.subject", { organisation: input.organisation.name }),
    bodyHtml: `<p>${escapeHtml(intro)}</p>\n${mailButton(url, t("freshLink.button"))}\n<p style="font-size:14px;color:#555">${escapeHtml(t("freshLink.ignore"))}</p>`,
    bodyText: `${intro}\n\n${labelled(input.locale, t("freshLink.button"), url)}\n\n${t("freshLink.ignore")}`,
  });
}
