import "server-only";
import { appUrl } from "@/lib/env";
import type { Locale } from "@/lib/i18n/config";
import { formatDateTime } from "@/lib/i18n/format";
import { renderMemberMail } from "@/lib/mail/templates/member";
import { mailTranslator } from "@/lib/mail/translator";
import type { RenderedMail } from "@/lib/mail/render";

/** The daily digest of one campaign for one member, in the member's language. */
export function digestMail(input: {
  locale: Locale;
  memberName: string;
  campaign: { id: string; title: string; timeZone: string };
  count: number;
  total: number;
  since: Date;
}): RenderedMail {
  const t = mailTranslator(input.locale);
  const campaign = input.campaign.title;
  return renderMemberMail({
    locale: input.locale,
    subject: t("digest.subject", { campaign, count: input.count }),
    paragraphs: [
      t("digest.intro", { name: input.memberName }),
      t("digest.count", { campaign, count: input.count, since: formatDateTime(input.since, input.locale, input.campaign.timeZone) }),
      t("digest.total", { total: input.total }),
    ],
    button: { href: `${appUrl()}/campagnes/${input.campaign.id}/statistiques`, label: t("digest.button") },
    note: t("digest.why"),
  });
}
