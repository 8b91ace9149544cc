import "server-only";
import { escapeHtml } from "@/lib/html";
import type { Locale } from "@/lib/i18n/config";
import { type MailOrganisation, type RenderedMail, labelled, mailButton, renderMail } from "../render";
import { mailTranslator } from "../translator";

export type ParentalMailInput = {
  locale: Locale;
  organisation: MailOrganisation;
  campaignTitle: string;
  brandColor?: string;
  /** Absolute URL of the campaign's logo (lib/mail/brand.ts) */
  logoUrl?: string;
  /** The child's first name as typed in the entry ("" when the form does not ask it) */
  childFirstName: string;
  /** The wording of each box the child ticked */
  purposes: string[];
  /** The child's contact: the footer's links lead to the child's preference centre, which a parent may use */
  contactId: string;
  confirmUrl: string;
  validDays: number;
  now?: Date;
};

/**
 * The parent's double opt-in: names the child's entry (campaign, first name,
 * the boxes ticked) and links to a page where the parent confirms with one
 * button. Until then none of the child's boxes counts.
 */
export function parentalConsentMail(input: ParentalMailInput): RenderedMail {
  const t = mailTranslator(input.locale);
  const campaign = input.campaignTitle;
  const child = input.childFirstName.trim() || t("parental.yourChild");
  const lines = {
    intro: t("parental.intro", { child, campaign, organisation: input.organisation.name }),
    why: t("parental.why", { child }),
    button: t("parental.button"),
    validity: t("parental.validity", { days: input.validDays }),
    ignore: t("parental.ignore", { child }),
  };
  return renderMail({
    locale: input.locale,
    organisation: input.organisation,
    contactId: input.contactId,
    brandColor: input.brandColor,
    logoUrl: input.logoUrl,
    now: input.now,
    reason: t("parental.reason", { campaign }),
    subject: t("parental.subject", { child, organisation: input.organisation.name }),
    bodyHtml: [
      `<p>${escapeHtml(t("parental.greeting"))}</p>`,
      `<p>${escapeHtml(lines.intro)}</p>`,
      `<ul>${input.purposes.map((p) => `<li>${escapeHtml(p)}</li>`).join("")}</ul>`,
      `<p>${escapeHtml(lines.why)}</p>`,
      mailButton(input.confirmUrl, lines.button, input.brandColor),
      `<p style="font-size:14px;color:#555">${escapeHtml(lines.validity)}<br><a href="${escapeHtml(input.confirmUrl)}" style="color:#555;word-break:break-all">${escapeHtml(input.confirmUrl)}</a></p>`,
      `<p style="font-size:14px;color:#555">${escapeHtml(lines.ignore)}</p>`,
    ].join("\n"),
    bodyText: [
      t("parental.greeting"),
      "",
      lines.intro,
      ...input.purposes.map((p) => `- ${p}`),
      "",
      lines.why,
      "",
      labelled(input.locale, lines.button, input.confirmUrl),
      "",
      lines.validity,
      "",
      lines.ignore,
    ].join("\n"),
  });
}
