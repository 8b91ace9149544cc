// The information notice of GDPR art. 13, generated from the organisation's and
// the campaign's settings, in the campaign's language. Plain text blocks: the
// pages render them (React escapes), nothing here is HTML.
import type { Organisation } from "@/lib/generated/prisma/client";
import { rightsContactOf } from "@/lib/mail/rights-contact";

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
  contactOnly: "Contact",
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
  why: "Pourquoi nous posons ces questions",
  whyEmail: {
    CONTEST: "Votre adresse e-mail : confirmer votre participation, vous prévenir si vous gagnez et, seulement si vous le cochez, vous envoyer des offres.",
    LEAD_MAGNET: "Votre adresse e-mail : confirmer votre demande, vous envoyer le contenu et, seulement si vous le cochez, des offres.",
    SURVEY: "Votre adresse e-mail : confirmer vos réponses et, seulement si vous le cochez, vous envoyer des offres.",
  } as Record<string, string>,
  whyName: (kind: string): string => (kind === "CONTEST" ? "Vos nom et prénom : vous identifier si vous gagnez et vous remettre le lot." : "Vos nom et prénom : nous adresser à vous par votre nom."),
  whyPhone: (kind: string): string => (kind === "CONTEST" ? "Votre téléphone : vous joindre si vous gagnez ; jamais pour vous démarcher sans votre accord." : "Votre téléphone : vous joindre au sujet de votre demande ; jamais pour vous démarcher sans votre accord."),
  whyPostalCode: "Votre code postal : connaître la répartition géographique des participants (statistiques).",
  whyBirthDate: "Votre date de naissance : vérifier l'âge requis et, avant 15 ans, demander l'accord d'un parent. Elle n'est jamais transmise hors de nos outils pour une personne mineure.",
  whyOther: "Vos autres réponses : mieux connaître vos besoins et améliorer nos offres (statistiques). Les questions sans astérisque sont facultatives.",
  scoringConsent: (w: string) => `Analyse de vos réponses : vos réponses sur vos habitudes d'achat (récence, fréquence, montant) reçoivent des scores et un segment uniquement si vous cochez « ${w} » et tant que vous ne retirez pas ce consentement ; sinon, aucun score n'est calculé.`,
  scoringLegitimate:
    "Analyse de vos réponses : vos réponses sur vos habitudes d'achat (récence, fréquence, montant) reçoivent des scores et un segment pour adapter nos offres, sur la base de notre intérêt légitime. Vous pouvez vous y opposer à tout moment depuis le lien présent dans chaque e-mail : vos scores sont alors supprimés.",
  technical: "Données techniques et lutte contre la fraude",
  technicalText:
    "À l'envoi du formulaire, nous enregistrons la date et l'heure, le temps de remplissage, le navigateur utilisé, une empreinte chiffrée de votre adresse IP tronquée, l'adresse de la page et la source de votre visite (paramètres UTM). Ils servent à prouver vos consentements et à écarter les participations automatisées ou multiples (base légale : notre intérêt légitime à prévenir la fraude). Ce formulaire ne dépose aucun cookie et n'utilise aucun traceur.",
  partners: (names: string) => `Partenaires, uniquement si vous cochez la case correspondante : ${names}.`,
  refused: (m: number) => `Si vous ne cochez aucune case : vos données servent seulement à gérer votre participation, ne sont jamais utilisées pour vous démarcher, et sont supprimées ou anonymisées ${m} mois après votre dernier contact avec nous.`,
  parental: "Avant 15 ans, le formulaire demande l'adresse e-mail d'un parent : nous lui écrivons, et les cases cochées ne comptent qu'après son accord donné depuis cet e-mail.",
  short: {
    lead: (controller: string, participation: string) => `${controller} traite vos données pour ${participation}.`,
    participation: { CONTEST: "gérer votre participation au jeu", LEAD_MAGNET: "vous envoyer le contenu demandé", SURVEY: "traiter vos réponses" } as Record<string, string>,
    consents: "Les cases à cocher sont facultatives et retirables à tout moment.",
    scoringConsent: "Vos réponses ne sont analysées que si vous l'acceptez.",
    scoringLegitimate: "Vos réponses sont analysées pour adapter nos offres ; vous pouvez vous y opposer.",
    rights: "Vous pouvez accéder à vos données, les effacer ou vous opposer à leur traitement à tout moment.",
    more: "Lire la notice complète",
  },
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
  contactOnly: "Contact",
  dpo: (name, email) => `Data protection officer: ${[name, email].filter(Boolean).join(", ")}.`,
  contactLine: (email) => `For any question: ${email}.`,
  cnil: "Complaints",
  cnilText: "If you believe your rights are not respected, you may lodge a complaint with the CNIL, the French data protection authority (www.cnil.fr).",
  bloctel: "Telephone marketing",
  bloctelText: "If you do not wish to receive marketing calls, you may register free of charge on the Bloctel opt-out list (www.bloctel.gouv.fr).",
  minors: "Minors",
  minorsText: (age) => `Entry is restricted to people aged ${age} or over.`,
  under15: "In France, a person under 15 cannot consent alone to receiving offers: the joint consent of a holder of parental authority is then required.",
  why: "Why we ask these questions",
  whyEmail: {
    CONTEST: "Your e-mail address: to confirm your entry, tell you if you win and, only if you tick the box, send you offers.",
    LEAD_MAGNET: "Your e-mail address: to confirm your request, send you the content and, only if you tick the box, offers.",
    SURVEY: "Your e-mail address: to confirm your answers and, only if you tick the box, send you offers.",
  },
  whyName: (kind) => (kind === "CONTEST" ? "Your name: to identify you if you win and deliver the prize." : "Your name: to address you by your name."),
  whyPhone: (kind) => (kind === "CONTEST" ? "Your phone number: to reach you if you win; never for marketing calls without your agreement." : "Your phone number: to reach you about your request; never for marketing calls without your agreement."),
  whyPostalCode: "Your postcode: to know where entrants come from (statistics).",
  whyBirthDate: "Your date of birth: to check the required age and, under 15, ask for a parent's agreement. It never leaves our tools for a minor.",
  whyOther: "Your other answers: to understand your needs better and improve our offers (statistics). Questions without an asterisk are optional.",
  scoringConsent: (w) => `Analysis of your answers: your answers about your buying habits (recency, frequency, value) get scores and a segment only if you tick “${w}” and as long as you do not withdraw that consent; otherwise no score is computed.`,
  scoringLegitimate:
    "Analysis of your answers: your answers about your buying habits (recency, frequency, value) get scores and a segment to tailor our offers, on the basis of our legitimate interest. You may object at any time from the link in every e-mail: your scores are then deleted.",
  technical: "Technical data and fraud prevention",
  technicalText:
    "When the form is sent, we record the date and time, the time taken to fill it, the browser used, an encrypted fingerprint of your truncated IP address, the page address and the source of your visit (UTM parameters). They prove your consents and keep out automated or repeated entries (legal basis: our legitimate interest in preventing fraud). This form sets no cookie and uses no tracker.",
  partners: (names) => `Partners, only if you tick the corresponding box: ${names}.`,
  refused: (m) => `If you tick no box: your data only serves to handle your entry, is never used for marketing, and is deleted or anonymised ${m} months after your last contact with us.`,
  parental: "Under 15, the form asks for a parent's e-mail address: we write to them, and the boxes ticked only count once they agree from that e-mail.",
  short: {
    lead: (controller, participation) => `${controller} processes your data to ${participation}.`,
    participation: { CONTEST: "handle your entry to the contest", LEAD_MAGNET: "send you the content you asked for", SURVEY: "process your answers" },
    consents: "The boxes are optional and can be withdrawn at any time.",
    scoringConsent: "Your answers are analysed only if you agree.",
    scoringLegitimate: "Your answers are analysed to tailor our offers; you may object.",
    rights: "You may access or erase your data, or object to its processing, at any time.",
    more: "Read the full notice",
  },
};

/** The notice's title in the campaign's language. */
export function noticeTitle(locale: string): string {
  return (locale === "en" ? en : fr).title;
}

/** The partners' names, from the campaign's text (one per line, or separated by semicolons). */
export function partnerNames(partners: string | undefined): string[] {
  return (partners ?? "")
    .split(/[\n;]+/)
    .map((p) => p.trim())
    .filter(Boolean);
}

/** Why each kind of question the form asks is asked. */
function whyParagraphs(t: typeof fr, campaign: NoticeCampaign): string[] {
  const types = new Set(campaign.questionTypes);
  const out: string[] = [];
  if (types.has("EMAIL")) out.push(t.whyEmail[campaign.kind] ?? t.whyEmail.SURVEY!);
  if (types.has("FIRST_NAME") || types.has("LAST_NAME")) out.push(t.whyName(campaign.kind));
  if (types.has("PHONE")) out.push(t.whyPhone(campaign.kind));
  if (types.has("POSTAL_CODE")) out.push(t.whyPostalCode);
  if (campaign.birthDate) out.push(t.whyBirthDate);
  const identity = new Set(["EMAIL", "FIRST_NAME", "LAST_NAME", "PHONE", "POSTAL_CODE"]);
  const others = campaign.questionTypes.filter((type) => !identity.has(type)).length - (campaign.birthDate ? 1 : 0);
  if (others > 0) out.push(t.whyOther);
  if (campaign.scoring) out.push(campaign.scoring.kind === "CONSENT" ? t.scoringConsent(campaign.scoring.wording) : t.scoringLegitimate);
  return out;
}

/** The blocks of the notice, in order. */
export function buildNotice(org: NoticeOrganisation, campaign: NoticeCampaign): NoticeBlock[] {
  const t = campaign.locale === "en" ? en : fr;
  const controller = org.legalName || org.name;
  const who = rightsContactOf(org);
  const partners = partnerNames(campaign.partners);
  const blocks: NoticeBlock[] = [
    { heading: t.controller, paragraphs: [[controller, org.address].filter(Boolean).join(", ") + "."] },
    {
      heading: t.purposes,
      paragraphs: [t.participation[campaign.kind] ?? t.participation.SURVEY!, ...campaign.purposes.map((p) => t.consentPurpose(p.wording)), ...(campaign.purposes.length ? [t.boxes] : [])],
    },
    { heading: t.why, paragraphs: whyParagraphs(t, campaign) },
    { heading: t.technical, paragraphs: [t.technicalText] },
    { heading: t.recipients, paragraphs: [campaign.recipients.trim() || t.defaultRecipients(controller), ...(partners.length ? [t.partners(partners.join(" ; "))] : [])] },
    { heading: t.retention, paragraphs: [t.retentionText(campaign.retentionMonths), t.refused(campaign.retentionMonths), t.unconfirmed(campaign.unconfirmedPurgeDays)] },
    { heading: t.rights, paragraphs: [t.rightsText] },
    {
      heading: who.kind === "dpo" ? t.contact : t.contactOnly,
      paragraphs: [
        ...(who.kind === "dpo" && who.name ? [t.dpo(who.name, who.email)] : who.kind === "dpo" ? [t.dpo("", who.email)] : []),
        ...(who.kind === "contact" ? [t.contactLine(who.email)] : []),
        ...(who.kind === "dpo" && org.contactEmail && org.contactEmail !== who.email ? [t.contactLine(org.contactEmail)] : []),
      ],
    },
    { heading: t.cnil, paragraphs: [t.cnilText] },
  ];
  if (campaign.questionTypes.includes("PHONE")) blocks.push({ heading: t.bloctel, paragraphs: [t.bloctelText] });
  const minors = [
    ...(campaign.minimumAge ? [t.minorsText(campaign.minimumAge)] : []),
    ...(campaign.purposes.length && (campaign.minimumAge ?? 0) < 15 ? [t.under15] : []),
    ...(campaign.purposes.length && (campaign.minimumAge ?? 0) < 15 && campaign.birthDate && campaign.minorPolicy === "PARENTAL_CONSENT" ? [t.parental] : []),
  ];
  if (minors.length) blocks.push({ heading: t.minors, paragraphs: minors });
  return blocks;
}

/** The notice's first layer, shown above the submit button: the essentials in a few lines, and the words of the link to the rest. */
export function noticeFirstLayer(org: NoticeOrganisation, campaign: NoticeCampaign): { text: string; more: string } {
  const t = (campaign.locale === "en" ? en : fr).short;
  const controller = org.legalName || org.name;
  const parts = [
    t.lead(controller, t.participation[campaign.kind] ?? t.participation.SURVEY!),
    ...(campaign.purposes.length ? [t.consents] : []),
    ...(campaign.scoring ? [campaign.scoring.kind === "CONSENT" ? t.scoringConsent : t.scoringLegitimate] : []),
    t.rights,
  ];
  return { text: parts.join(" "), more: t.more };
}
