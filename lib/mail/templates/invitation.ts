import "server-only";
import type { Locale } from "@/lib/i18n/config";
import type { RenderedMail } from "../render";
import { mailTranslator } from "../translator";
import { renderMemberMail } from "./member";

type InvitationMailInput = { locale: Locale; inviter: string; organisation: string; link: string; validDays: number };

/** The invitation to join an organisation: a mail to a future member, in their language. */
export function invitationMail(input: InvitationMailInput): RenderedMail {
  const t = mailTranslator(input.locale);
  const { inviter, organisation } = input;
  return renderMemberMail({
    locale: input.locale,
    subject: t("invitation.subject", { organisation }),
    paragraphs: [t("invitation.intro", { inviter, organisation }), t("invitation.validity", { days: input.validDays })],
    button: { href: input.link, label: t("invitation.button") },
    note: t("invitation.ignore", { inviter }),
  });
}
