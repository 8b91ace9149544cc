// The information notice of GDPR art. 13 as blocks of plain text, from the organisation's and the
// campaign's settings, given the "notice" namespace's translator of the campaign's language. No
// server-only import: the builder's live preview draws the notice of the unsaved draft in the
// browser with the same words (lib/campaigns/notice.ts gives the server's translator).
import type { Organisation } from "@/lib/generated/prisma/client";
import { rightsContactOf } from "@/lib/mail/rights-contact";

/** A text of the "notice" namespace by its key ("whyEmail.CONTEST"). */
export type Translate = (key: string, values?: Record<string, string | number | Date>) => string;

/** The organisation's columns the notice quotes. */
export type NoticeOrganisation = Pick<Organisation, "name" | "legalName" | "address" | "contactEmail" | "dpoName" | "dpoEmail">;

export type NoticeCampaign = {
  kind: string;
  locale: string;
  title: string;
  retentionMonths: number;
  unconfirmedPurgeDays: number;
  recipients: string;
  minimumAge: number | null;
  purposes: Array<{ wording: string }>;
  /** Question types the form asks: why each kind is asked, the phone opt-out list */
  questionTypes: string[];
  /** Partners by name, one per line (who receives the data of people ticking a partners' purpose) */
  partners?: string;
  /** Whether answers are scored (RFM questions), and on which basis: the profiling purpose's wording, or legitimate interest */
  scoring?: { kind: "CONSENT"; wording: string } | { kind: "LEGITIMATE_INTEREST" } | null;
  /** Whether the form asks a birth date, and what happens below 15 */
  birthDate?: boolean;
  minorPolicy?: string;
};

export type NoticeBlock = { heading: string; paragraphs: string[] };

/** The key of a text that depends on the campaign's kind: the survey's for a kind the notice does not know. */
const KINDS: readonly string[] = ["CONTEST", "LEAD_MAGNET", "SURVEY"];
const kindKey = (kind: string) => (KINDS.includes(kind) ? kind : "SURVEY");

/** The partners' names, from the campaign's text (one per line, or separated by semicolons). */
export function partnerNames(partners: string | undefined): string[] {
  return (partners ?? "")
    .split(/[\n;]+/)
    .map((p) => p.trim())
    .filter(Boolean);
}

/** Why each kind of question the form asks is asked. */
function whyParagraphs(t: Translate, campaign: NoticeCampaign): string[] {
  const types = new Set(campaign.questionTypes);
  const out: string[] = [];
  if (types.has("EMAIL")) out.push(t(`whyEmail.${kindKey(campaign.kind)}`));
  if (types.has("FIRST_NAME") || types.has("LAST_NAME")) out.push(t(`whyName.${campaign.kind === "CONTEST" ? "CONTEST" : "other"}`));
  if (types.has("PHONE")) out.push(t(`whyPhone.${campaign.kind === "CONTEST" ? "CONTEST" : "other"}`));
  if (types.has("POSTAL_CODE")) out.push(t("whyPostalCode"));
  if (campaign.birthDate) out.push(t("whyBirthDate"));
  const identity = new Set(["EMAIL", "FIRST_NAME", "LAST_NAME", "PHONE", "POSTAL_CODE"]);
  const others = campaign.questionTypes.filter((type) => !identity.has(type)).length - (campaign.birthDate ? 1 : 0);
  if (others > 0) out.push(t("whyOther"));
  if (campaign.scoring) out.push(campaign.scoring.kind === "CONSENT" ? t("scoringConsent", { wording: campaign.scoring.wording }) : t("scoringLegitimate"));
  return out;
}

/** The blocks of the notice, in order. */
export function noticeBlocks(t: Translate, org: NoticeOrganisation, campaign: NoticeCampaign): NoticeBlock[] {
  const controller = org.legalName || org.name;
  const who = rightsContactOf(org);
  const partners = partnerNames(campaign.partners);
  const blocks: NoticeBlock[] = [
    { heading: t("controller"), paragraphs: [[controller, org.address].filter(Boolean).join(", ") + "."] },
    {
      heading: t("purposes"),
      paragraphs: [
        t(`participation.${kindKey(campaign.kind)}`),
        ...campaign.purposes.map((p) => t("consentPurpose", { wording: p.wording })),
        ...(campaign.purposes.length ? [t("boxes")] : []),
      ],
    },
    { heading: t("why"), paragraphs: whyParagraphs(t, campaign) },
    { heading: t("technical"), paragraphs: [t("technicalText")] },
    { heading: t("recipients"), paragraphs: [campaign.recipients.trim() || t("defaultRecipients", { controller }), ...(partners.length ? [t("partners", { names: partners.join(" ; ") })] : [])] },
    {
      heading: t("retention"),
      paragraphs: [t("retentionText", { months: campaign.retentionMonths }), t("refused", { months: campaign.retentionMonths }), t("unconfirmed", { days: campaign.unconfirmedPurgeDays })],
    },
    { heading: t("rights"), paragraphs: [t("rightsText")] },
    {
      heading: who.kind === "dpo" ? t("contact") : t("contactOnly"),
      paragraphs: [
        ...(who.kind === "dpo" ? [t("dpo", { who: [who.name, who.email].filter(Boolean).join(", ") })] : []),
        ...(who.kind === "contact" ? [t("contactLine", { email: who.email })] : []),
        ...(who.kind === "dpo" && org.contactEmail && org.contactEmail !== who.email ? [t("contactLine", { email: org.contactEmail })] : []),
      ],
    },
    { heading: t("cnil"), paragraphs: [t("cnilText")] },
  ];
  if (campaign.questionTypes.includes("PHONE")) blocks.push({ heading: t("bloctel"), paragraphs: [t("bloctelText")] });
  const minors = [
    ...(campaign.minimumAge ? [t("minorsText", { age: campaign.minimumAge })] : []),
    ...(campaign.purposes.length && (campaign.minimumAge ?? 0) < 15 ? [t("under15")] : []),
    ...(campaign.purposes.length && (campaign.minimumAge ?? 0) < 15 && campaign.birthDate && campaign.minorPolicy === "PARENTAL_CONSENT" ? [t("parental")] : []),
  ];
  if (minors.length) blocks.push({ heading: t("minors"), paragraphs: minors });
  return blocks;
}

/** The notice's first layer, shown above the submit button: the essentials in a few lines, and the words of the link to the rest. */
export function noticeShortLayer(t: Translate, org: NoticeOrganisation, campaign: NoticeCampaign): { text: string; more: string } {
  const controller = org.legalName || org.name;
  const parts = [
    t("short.lead", { controller, participation: t(`short.participation.${kindKey(campaign.kind)}`) }),
    ...(campaign.purposes.length ? [t("short.consents")] : []),
    ...(campaign.scoring ? [campaign.scoring.kind === "CONSENT" ? t("short.scoringConsent") : t("short.scoringLegitimate")] : []),
    t("short.rights"),
  ];
  return { text: parts.join(" "), more: t("short.more") };
}
