// The information notice of GDPR art. 13, generated from the organisation's and
// the campaign's settings, in the campaign's language. Plain text blocks: the
// pages render them (React escapes), nothing here is HTML. The words live in the
// "notice" namespace of the message catalogues.
import "server-only";
import { translator, type Translate } from "@/lib/i18n/translate";
import { noticeBlocks, noticeShortLayer, type NoticeBlock, type NoticeCampaign, type NoticeOrganisation } from "./notice-blocks";

export { partnerNames, type NoticeBlock, type NoticeCampaign, type NoticeOrganisation } from "./notice-blocks";

/** The notice's texts in the campaign's language: the "notice" namespace of the catalogues. */
function noticeTexts(locale: string): Translate {
  return translator(locale === "en" ? "en" : "fr", "notice");
}

/** The notice's title in the campaign's language. */
export function noticeTitle(locale: string): string {
  return noticeTexts(locale)("title");
}

/** The blocks of the notice, in order. */
export function buildNotice(org: NoticeOrganisation, campaign: NoticeCampaign): NoticeBlock[] {
  return noticeBlocks(noticeTexts(campaign.locale), org, campaign);
}

/** The notice's first layer, shown above the submit button: the essentials in a few lines, and the words of the link to the rest. */
export function noticeFirstLayer(org: NoticeOrganisation, campaign: NoticeCampaign): { text: string; more: string } {
  return noticeShortLayer(noticeTexts(campaign.locale), org, campaign);
}
