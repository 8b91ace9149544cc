import "server-only";
import { escapeHtml } from "@/lib/html";
import type { Locale } from "@/lib/i18n/config";
import { type MailOrganisation, type RenderedMail, renderMail } from "../render";
import { mailTranslator } from "../translator";

export type AlreadyEnteredMailInput = {
  locale: Locale;
  organisation: MailOrganisation;
  campaignTitle: string;
  brandColor?: string;
  /** Absolute URL of the campaign's logo (lib/mail/brand.ts) */
  logoUrl?: string;
  contactId: string;
  now?: Date;
};

/**
 * Sent instead of telling the form that an address already entered (which
 * would tell anyone whether it did): the mailbox's owner learns that a new
 * entry was refused and that nothing was recorded. No greeting by name: the
 * sender of the form may be anyone.
 */
export function alreadyEnteredMail(input: AlreadyEnteredMailInput): RenderedMail {
  const t = mailTranslator(input.locale);
  const campaign = input.campaignTitle;
  const lines = [t("alreadyEntered.greeting"), t("alreadyEntered.intro", { campaign }), t("alreadyEntered.nothingStored"), t("alreadyEntered.notYou")];
  return renderMail({
    locale: input.locale,
    organisation: input.organisation,
    contactId: input.contactId,
    brandColor: input.brandColor,
    logoUrl: input.logoUrl,
    now: input.now,
    reason: t("alreadyEntered.reason", { campaign, organisation: input.organisation.name }),
    subject: t("alreadyEntered.subject", { campaign }),
    bodyHtml: lines.map((l) => `<p>${escapeHtml(l)}</p>`).join("\n"),
    bodyText: lines.join("\n\n"),
  });
}
