import "server-only";
import { escapeHtml } from "@/lib/html";
import type { Locale } from "@/lib/i18n/config";
import { type MailOrganisation, type RenderedMail, labelled, mailButton, renderMail } from "../render";
import { mailTranslator } from "../translator";

export type RewardMailInput = {
  locale: Locale;
  organisation: MailOrganisation;
  campaignTitle: string;
  brandColor?: string;
  /** Absolute URL of the campaign's logo (lib/mail/brand.ts) */
  logoUrl?: string;
  contactId: string;
  rewardUrl: string;
  /** The marketer's words that come with the reward ("" or absent: the default sentence) */
  deliveryText?: string;
};

/** A lead magnet's reward, sent once the address is confirmed. */
export function rewardMail(input: RewardMailInput): RenderedMail {
  const t = mailTranslator(input.locale);
  const campaign = input.campaignTitle;
  const intro = input.deliveryText?.trim() || t("reward.intro");
  return renderMail({
    locale: input.locale,
    organisation: input.organisation,
    contactId: input.contactId,
    brandColor: input.brandColor,
    logoUrl: input.logoUrl,
    reason: t("reward.reason", { campaign, organisation: input.organisation.name }),
    subject: t("reward.subject", { campaign }),
    bodyHtml: `<p style="white-space:pre-line">${escapeHtml(intro)}</p>\n${mailButton(input.rewardUrl, t("reward.button"), input.brandColor)}\n<p style="font-size:14px;color:#555;word-break:break-all">${escapeHtml(input.rewardUrl)}</p>`,
    bodyText: `${intro}\n\n${labelled(input.locale, t("reward.button"), input.rewardUrl)}`,
  });
}
