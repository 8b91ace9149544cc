import "server-only";
import { escapeHtml } from "@/lib/html";
import type { Locale } from "@/lib/i18n/config";
import { type MailOrganisation, type RenderedMail, renderMail } from "@/lib/mail/render";
import { mailTranslator } from "@/lib/mail/translator";

export type WinnerMailInput = {
  locale: Locale;
  organisation: MailOrganisation;
  campaignTitle: string;
  prize: string;
  firstName: string;
  brandColor?: string;
  /** Absolute URL of the campaign's logo (lib/mail/brand.ts) */
  logoUrl?: string;
  contactId: string;
};

/** The winner notification, in the entrant's language, with the legal footer of every mail. */
export function winnerMail(input: WinnerMailInput): RenderedMail {
  const t = mailTranslator(input.locale);
  const campaign = input.campaignTitle;
  const organisation = input.organisation.name;
  const lines = [
    input.firstName ? t("winner.greeting", { firstName: input.firstName }) : t("winner.greetingNoName"),
    input.prize ? t("winner.bodyWithPrize", { campaign, prize: input.prize }) : t("winner.body", { campaign }),
    t("winner.next", { organisation }),
  ];
  return renderMail({
    locale: input.locale,
    organisation: input.organisation,
    contactId: input.contactId,
    brandColor: input.brandColor,
    logoUrl: input.logoUrl,
    reason: t("winner.reason", { campaign, organisation }),
    subject: t("winner.subject", { campaign }),
    bodyHtml: lines.map((l) => `<p>${escapeHtml(l)}</p>`).join("\n"),
    bodyText: lines.join("\n\n"),
  });
}
