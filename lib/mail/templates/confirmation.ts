import "server-only";
import { escapeHtml } from "@/lib/html";
import type { Locale } from "@/lib/i18n/config";
import { type MailOrganisation, type RenderedMail, labelled, mailButton, renderMail } from "../render";
import { mailTranslator } from "../translator";

export type ConfirmationMailInput = {
  locale: Locale;
  organisation: MailOrganisation;
  campaignTitle: string;
  brandColor?: string;
  /** Absolute URL of the campaign's logo (lib/mail/brand.ts) */
  logoUrl?: string;
  /** Only a confirmed contact's first name (lib/submission/identity.ts greetingName) */
  firstName?: string;
  /** The exact wording of each purpose this click confirms (the entry's ticked boxes) */
  purposes: readonly string[];
  contactId: string;
  confirmUrl: string;
  validDays: number;
  now?: Date;
};

/** The double opt-in mail: one button to the confirmation page (which itself asks for a click). */
export function confirmationMail(input: ConfirmationMailInput): RenderedMail {
  const t = mailTranslator(input.locale);
  const campaign = input.campaignTitle;
  const greeting = input.firstName ? t("confirmation.greeting", { firstName: input.firstName }) : t("confirmation.greetingNoName");
  const lines = {
    intro: t("confirmation.intro", { campaign }),
    button: t("confirmation.button"),
    validity: t("confirmation.validity", { days: input.validDays }),
    ignore: t("confirmation.ignore"),
    purposes: input.purposes.length > 0 ? t("confirmation.purposesIntro") : t("confirmation.noPurposes"),
  };
  // What the click confirms, worded as the person saw it on the form.
  const purposesHtml =
    `<p>${escapeHtml(lines.purposes)}</p>` +
    (input.purposes.length > 0 ? `<ul>${input.purposes.map((w) => `<li>${escapeHtml(w)}</li>`).join("")}</ul>` : "");
  const purposesText = [lines.purposes, ...input.purposes.map((w) => `- ${w}`)].join("\n");
  return renderMail({
    locale: input.locale,
    organisation: input.organisation,
    contactId: input.contactId,
    brandColor: input.brandColor,
    logoUrl: input.logoUrl,
    now: input.now,
    reason: t("confirmation.reason", { campaign, organisation: input.organisation.name }),
    subject: t("confirmation.subject", { campaign }),
    bodyHtml: [
      `<p>${escapeHtml(greeting)}</p>`,
      `<p>${escapeHtml(lines.intro)}</p>`,
      purposesHtml,
      mailButton(input.confirmUrl, lines.button, input.brandColor),
      `<p style="font-size:14px;color:#555">${escapeHtml(lines.validity)}<br><a href="${escapeHtml(input.confirmUrl)}" style="color:#555;word-break:break-all">${escapeHtml(input.confirmUrl)}</a></p>`,
      `<p style="font-size:14px;color:#555">${escapeHtml(lines.ignore)}</p>`,
    ].join("\n"),
    bodyText: [greeting, "", lines.intro, "", purposesText, "", labelled(input.locale, lines.button, input.confirmUrl), "", lines.validity, "", lines.ignore].join("\n"),
  });
}
