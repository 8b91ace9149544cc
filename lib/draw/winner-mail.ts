import "server-only";
import { escapeHtml } from "@/lib/html";
import type { Locale } from "@/lib/i18n/config";
import { type MailOrganisation, type RenderedMail, renderMail } from "@/lib/mail/render";

export type WinnerMailInput = {
  locale: Locale;
  organisation: MailOrganisation;
  campaignTitle: string;
  prize: string;
  firstName: string;
  brandColor?: string;
  contactId: string;
};

const TEXT = {
  fr: {
    subject: (c: string) => `Vous avez gagné : ${c}`,
    hello: (name: string) => (name ? `Bonjour ${name},` : "Bonjour,"),
    body: (c: string, prize: string) =>
      `Bonne nouvelle : vous avez été tiré(e) au sort parmi les participants au jeu « ${c} »${prize ? ` et vous gagnez : ${prize}` : ""}.`,
    next: (org: string) => `${org} vous contactera très prochainement pour organiser la remise de votre lot, conformément au règlement du jeu.`,
    reason: (c: string, org: string) => `vous avez participé au jeu « ${c} » organisé par ${org} et vous faites partie des gagnants du tirage au sort.`,
  },
  en: {
    subject: (c: string) => `You have won: ${c}`,
    hello: (name: string) => (name ? `Hello ${name},` : "Hello,"),
    body: (c: string, prize: string) => `Good news: you were drawn at random among the entrants of "${c}"${prize ? ` and you win: ${prize}` : ""}.`,
    next: (org: string) => `${org} will contact you shortly to arrange the delivery of your prize, as set out in the contest rules.`,
    reason: (c: string, org: string) => `you entered the contest "${c}" run by ${org} and you are one of the winners of the random draw.`,
  },
} as const;

/** The winner notification, in the entrant's language, with the legal footer of every mail. */
export function winnerMail(input: WinnerMailInput): RenderedMail {
  const t = TEXT[input.locale];
  const lines = [t.hello(input.firstName), t.body(input.campaignTitle, input.prize), t.next(input.organisation.name)];
  return renderMail({
    locale: input.locale,
    organisation: input.organisation,
    contactId: input.contactId,
    brandColor: input.brandColor,
    reason: t.reason(input.campaignTitle, input.organisation.name),
    subject: t.subject(input.campaignTitle),
    bodyHtml: lines.map((l) => `<p>${escapeHtml(l)}</p>`).join("\n"),
    bodyText: lines.join("\n\n"),
  });
}
