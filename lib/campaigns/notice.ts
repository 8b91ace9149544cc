// The information notice of GDPR art. 13, generated from the organisation's and
// the campaign's settings, in the campaign's language. Plain text blocks: the
// pages render them (React escapes), nothing here is HTML.
import type { Organisation } from "@/lib/generated/prisma/client";

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
  /** Question types the form asks, to mention the phone opt-out list */
  questionTypes: string[];
};

export type NoticeBlock = { heading: string; paragraphs: string[] };

const fr = {
  title: "Comment vos données sont utilisées",
  controller: "Responsable du traitement",
  purposes: "Finalités et bases légales",
  participation: {
    CONTEST: "Gérer votre participation au jeu concours, le tirage au sort et la remise des lots (base légale : exécution du règlement du jeu que vous acceptez).",
    LEAD_MAGNET: "Vous envoyer le contenu demandé après confirmation de votre adresse e-mail (base légale : exécution de votre demande).",
    SURVEY: "Traiter vos réponses au questionnaire (base légale : notre intérêt légitime à connaître l'avis de nos clients).",
  } as Record<string, string>,
  consentPurpose: (w: string) => `${w} (base légale : votre consentement, facultatif et retirable à tout moment ; il n'est jamais une condition de participation).`,
  boxes: "Chaque case de consentement est décochée par défaut : vous choisissez librement.",
  recipients: "Destinataires",
  defaultRecipients: (org: string) => `Les seules équipes de ${org} chargées de la campagne et ses sous-traitants techniques. Vos données ne sont ni vendues ni louées.`,
  retention: "Durée de conservation",
  retentionText: (m: number) => `${m} mois à compter de votre dernier contact avec nous, puis suppression ou anonymisation.`,
  unconfirmed: (d: number) => `Si vous ne confirmez pas votre adresse e-mail, votre participation est supprimée après ${d} jours.`,
  rights: "Vos droits",
  rightsText:
    "Vous pouvez accéder à vos données, les rectifier, les effacer, en limiter le traitement, vous y opposer, les recevoir dans un format portable et retirer votre consentement à tout moment, sans frais : par le lien présent dans chaque e-mail que nous vous envoyons, ou en écrivant à l'adresse ci-dessous.",
  contact: "Contact et délégué à la protection des données",
  dpo: (name: string, email: string) => `Délégué à la protection des données : ${[name, email].filter(Boolean).join(", ")}.`,
  contactLine: (email: string) => `Pour toute question : ${email}.`,
  cnil: "Réclamation",
  cnilText: "Si vous estimez que vos droits ne sont pas respectés, vous pouvez adresser une réclamation à la CNIL (www.cnil.fr).",
  bloctel: "Démarchage téléphonique",
  bloctelText:
    "Si vous ne souhaitez pas faire l'objet de prospection commerciale par téléphone, vous pouvez vous inscrire gratuitement sur la liste d'opposition Bloctel (www.bloctel.gouv.fr).",
  minors: "Mineurs",
  minorsText: (age: number) => `La participation est réservée aux personnes âgées d'au moins ${age} ans.`,
  under15:
    "En France, une personne de moins de 15 ans ne peut consentir seule à recevoir des offres : le consentement conjoint d'un titulaire de l'autorité parentale est alors nécessaire.",
};

const en: typeof fr = {
  title: "How your data is used",
  controller: "Data controller",
  purposes: "Purposes and legal bases",
  participation: {
    CONTEST: "Managing your entry to the contest, the random draw and the delivery of prizes (legal basis: performance of the contest rules you accept).",
    LEAD_MAGNET: "Sending you the content you asked for once your e-mail address is confirmed (legal basis: performance of your request).",
    SURVEY: "Processing your answers to the survey (legal basis: our legitimate interest in knowing our customers' opinion).",
  },
  consentPurpose: (w) => `${w} (legal basis: your consent, optional and withdrawable at any time; it is never a condition of entry).`,
  boxes: "Every consent box starts unticked: the choice is yours.",
  recipients: "Recipients",
  defaultRecipients: (org) => `Only the teams of ${org} in charge of the campaign and its technical processors. Your data is never sold or rented.`,
  retention: "Retention period",
  retentionText: (m) => `${m} months from your last contact with us, then deletion or anonymisation.`,
  unconfirmed: (d) => `If you do not confirm your e-mail address, your entry is deleted after ${d} days.`,
  rights: "Your rights",
  rightsText:
    "You may access, rectify or erase your data, restrict or object to its processing, receive it in a portable format and withdraw your consent at any time, free of charge: through the link in every e-mail we send you, or by writing to the address below.",
  contact: "Contact and data protection officer",
  dpo: (name, email) => `Data protection officer: ${[name, email].filter(Boolean).join(", ")}.`,
  contactLine: (email) => `For any question: ${email}.`,
  cnil: "Complaints",
  cnilText: "If you believe your rights are not respected, you may lodge a complaint with the CNIL, the French data protection authority (www.cnil.fr).",
  bloctel: "Telephone marketing",
  bloctelText: "If you do not wish to receive marketing calls, you may register free of charge on the Bloctel opt-out list (www.bloctel.gouv.fr).",
  minors: "Minors",
  minorsText: (age) => `Entry is restricted to people aged ${age} or over.`,
  under15: "In France, a person under 15 cannot consent alone to receiving offers: the joint consent of a holder of parental authority is then required.",
};

/** The notice's title in the campaign's language. */
export function noticeTitle(locale: string): string {
  return (locale === "en" ? en : fr).title;
}

/** The blocks of the notice, in order. */
export function buildNotice(org: NoticeOrganisation, campaign: NoticeCampaign): NoticeBlock[] {
  const t = campaign.locale === "en" ? en : fr;
  const controller = org.legalName || org.name;
  const blocks: NoticeBlock[] = [
    { heading: t.controller, paragraphs: [[controller, org.address].filter(Boolean).join(", ") + "."] },
    {
      heading: t.purposes,
      paragraphs: [t.participation[campaign.kind] ?? t.participation.SURVEY!, ...campaign.purposes.map((p) => t.consentPurpose(p.wording)), ...(campaign.purposes.length ? [t.boxes] : [])],
    },
    { heading: t.recipients, paragraphs: [campaign.recipients.trim() || t.defaultRecipients(controller)] },
    { heading: t.retention, paragraphs: [t.retentionText(campaign.retentionMonths), t.unconfirmed(campaign.unconfirmedPurgeDays)] },
    { heading: t.rights, paragraphs: [t.rightsText] },
    {
      heading: t.contact,
      paragraphs: [
        ...(org.dpoName || org.dpoEmail ? [t.dpo(org.dpoName, org.dpoEmail)] : []),
        ...(org.contactEmail || org.dpoEmail ? [t.contactLine(org.dpoEmail || org.contactEmail)] : []),
      ],
    },
    { heading: t.cnil, paragraphs: [t.cnilText] },
  ];
  if (campaign.questionTypes.includes("PHONE")) blocks.push({ heading: t.bloctel, paragraphs: [t.bloctelText] });
  const minors = [...(campaign.minimumAge ? [t.minorsText(campaign.minimumAge)] : []), ...(campaign.purposes.length && (campaign.minimumAge ?? 0) < 15 ? [t.under15] : [])];
  if (minors.length) blocks.push({ heading: t.minors, paragraphs: minors });
  return blocks;
}
