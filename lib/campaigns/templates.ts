import type { QuestionType } from "./kinds";

// Ready-made campaigns offered at creation. Each one is complete but for what
// only the marketer knows (the prize, the reward's link; the dates default to
// the next 30 days): once those are entered, it passes every publish check.
// Wording is content, stored in the campaign's language like any typed text.

export const TEMPLATE_IDS = ["PELLET_STOVE_CONTEST", "WHITE_PAPER", "SATISFACTION_SURVEY"] as const;
export type TemplateId = (typeof TEMPLATE_IDS)[number];

export const TEMPLATE_KIND: Record<TemplateId, "CONTEST" | "LEAD_MAGNET" | "SURVEY"> = {
  PELLET_STOVE_CONTEST: "CONTEST",
  WHITE_PAPER: "LEAD_MAGNET",
  SATISFACTION_SURVEY: "SURVEY",
};

type TemplateQuestion = {
  type: QuestionType;
  label: string;
  helpText?: string;
  required: boolean;
  rfmTag?: "R" | "F" | "M";
  validation?: { maxLength?: number };
  options?: Array<{ label: string; rfmScore?: number }>;
};

export type CampaignTemplate = {
  kind: "CONTEST" | "LEAD_MAGNET" | "SURVEY";
  title: string;
  /** Columns of the campaign besides the defaults */
  settings: {
    description: string;
    rulesText?: string;
    winnersCount?: number;
    alternatesCount?: number;
    minimumAge?: number | null;
    ageCheck?: "BIRTHDATE" | "DECLARATION";
    recipients?: string;
  };
  sections: Array<{ title: string; questions: TemplateQuestion[] }>;
  purposes: Array<{ wording: string; isRecontact: boolean; isProfiling: boolean }>;
};

const options = (labels: string[], scores?: number[]) => labels.map((label, i) => ({ label, rfmScore: scores?.[i] }));
const FIVE_TO_ONE = [5, 4, 3, 2, 1];

function contactSection(en: boolean, emailHelp: string, extra: TemplateQuestion[] = [], emailRequired = true) {
  return {
    title: en ? "Your details" : "Vos coordonnées",
    questions: [
      { type: "FIRST_NAME", label: en ? "First name" : "Prénom", required: true },
      { type: "LAST_NAME", label: en ? "Last name" : "Nom", required: false },
      { type: "EMAIL", label: en ? "E-mail address" : "Adresse e-mail", helpText: emailHelp, required: emailRequired },
      ...extra,
    ] satisfies TemplateQuestion[],
  };
}

const recontact = (en: boolean, org: string) => ({ wording: en ? `Receive offers from ${org} by e-mail` : `Recevoir les offres commerciales de ${org} par e-mail`, isRecontact: true, isProfiling: false });

/** The reference case: a pellet-stove contest qualifying entrants with scored R, F and M questions, and a profiling purpose. */
function pelletStove(en: boolean, org: string): CampaignTemplate {
  return {
    kind: "CONTEST",
    title: en ? "Win a pellet stove!" : "Gagnez un poêle à granulés !",
    settings: {
      description: en
        ? "Answer a few questions about your heating and try to win a pellet stove installed in your home. Less than a minute, free to enter."
        : "Répondez à quelques questions sur votre chauffage et tentez de gagner un poêle à granulés posé chez vous. Moins d'une minute, participation gratuite.",
      winnersCount: 1,
      alternatesCount: 2,
      minimumAge: 18,
      ageCheck: "DECLARATION",
      rulesText: (en
        ? [
            `Article 1 — ${org} organises a free game with no purchase necessary, between the opening and closing dates shown on the entry form.`,
            "Article 2 — The game is open to adults living in mainland France. One entry per e-mail address.",
            "Article 3 — One winner and two alternates are drawn at random among the entries whose e-mail address was confirmed.",
            "Article 4 — The prize is described on the entry form. It cannot be exchanged for cash.",
            "Article 5 — These rules can be consulted free of charge on the entry form.",
          ]
        : [
            `Article 1 — ${org} organise un jeu gratuit sans obligation d'achat, entre les dates d'ouverture et de clôture indiquées sur le formulaire de participation.`,
            "Article 2 — Le jeu est ouvert à toute personne majeure résidant en France métropolitaine. Une seule participation par adresse e-mail.",
            "Article 3 — Un gagnant et deux suppléants sont tirés au sort parmi les participations dont l'adresse e-mail a été confirmée.",
            "Article 4 — Le lot est décrit sur le formulaire de participation. Il ne peut être échangé contre sa valeur en espèces.",
            "Article 5 — Le règlement est consultable gratuitement sur le formulaire de participation.",
          ]
      ).join("\n\n"),
    },
    sections: [
      {
        title: en ? "Your home" : "Votre logement",
        questions: [
          {
            type: "SINGLE_CHOICE",
            label: en ? "What is your main heating?" : "Quel est votre mode de chauffage principal ?",
            required: true,
            options: options(
              en
                ? ["Wood stove or insert", "Pellet stove", "Oil boiler", "Gas boiler", "Heat pump", "Electric heaters"]
                : ["Poêle ou insert à bois", "Poêle à granulés", "Chaudière fioul", "Chaudière gaz", "Pompe à chaleur", "Radiateurs électriques"],
            ),
          },
          { type: "SINGLE_CHOICE", label: en ? "Do you own or rent your home?" : "Êtes-vous propriétaire ou locataire ?", required: true, options: options(en ? ["Owner", "Tenant"] : ["Propriétaire", "Locataire"]) },
          { type: "LONG_TEXT", label: en ? "What do you expect from a new heating?" : "Qu'attendez-vous d'un nouveau mode de chauffage ?", required: false, validation: { maxLength: 1000 } },
        ],
      },
      {
        title: en ? "Your habits" : "Vos habitudes",
        questions: [
          {
            type: "SINGLE_CHOICE",
            label: en ? "When did you last buy firewood or pellets?" : "À quand remonte votre dernier achat de bois ou de granulés ?",
            required: true,
            rfmTag: "R",
            options: options(en ? ["Less than a month ago", "1 to 6 months ago", "6 to 12 months ago", "Over a year ago", "Never"] : ["Moins d'un mois", "1 à 6 mois", "6 à 12 mois", "Plus d'un an", "Jamais"], FIVE_TO_ONE),
          },
          {
            type: "SINGLE_CHOICE",
            label: en ? "How often do you buy some?" : "À quelle fréquence en achetez-vous ?",
            required: true,
            rfmTag: "F",
            options: options(
              en ? ["Several times a month", "Once a month", "A few times a year", "Once a year", "Never"] : ["Plusieurs fois par mois", "Une fois par mois", "Quelques fois par an", "Une fois par an", "Jamais"],
              FIVE_TO_ONE,
            ),
          },
          {
            type: "SINGLE_CHOICE",
            label: en ? "What is your yearly heating budget?" : "Quel est votre budget de chauffage annuel ?",
            required: true,
            rfmTag: "M",
            options: options(en ? ["Over €2,000", "€1,500 to €2,000", "€1,000 to €1,500", "€500 to €1,000", "Under €500"] : ["Plus de 2 000 €", "1 500 à 2 000 €", "1 000 à 1 500 €", "500 à 1 000 €", "Moins de 500 €"], FIVE_TO_ONE),
          },
        ],
      },
      contactSection(en, en ? "We will send you a link to confirm your entry." : "Nous vous enverrons un lien pour confirmer votre participation.", [
        { type: "POSTAL_CODE", label: en ? "Postal code" : "Code postal", required: true },
      ]),
    ],
    purposes: [
      recontact(en, org),
      // The profiling purpose: R, F, M and the segment only for the people who consent to it.
      {
        wording: en ? "Allow the analysis of my answers to receive offers suited to my profile" : "Permettre l'analyse de mes réponses pour recevoir des offres adaptées à mon profil",
        isRecontact: false,
        isProfiling: true,
      },
    ],
  };
}

function whitePaper(en: boolean, org: string): CampaignTemplate {
  return {
    kind: "LEAD_MAGNET",
    title: en ? "Download our white paper" : "Téléchargez notre livre blanc",
    settings: {
      description: en
        ? "Leave your e-mail address: we send you the download link as soon as you confirm it."
        : "Laissez votre adresse e-mail : nous vous envoyons le lien de téléchargement dès que vous l'avez confirmée.",
    },
    sections: [
      {
        title: en ? "About you" : "Vous concernant",
        questions: [
          { type: "SHORT_TEXT", label: en ? "Company" : "Entreprise", required: false, validation: { maxLength: 200 } },
          {
            type: "SINGLE_CHOICE",
            label: en ? "Your role" : "Votre fonction",
            required: true,
            options: options(en ? ["Management", "Marketing", "Sales", "Technical", "Other"] : ["Direction", "Marketing", "Commercial", "Technique", "Autre"]),
          },
          {
            type: "SINGLE_CHOICE",
            label: en ? "Company size" : "Taille de l'entreprise",
            required: false,
            options: options(en ? ["1 to 9 people", "10 to 49", "50 to 249", "250 or more"] : ["1 à 9 personnes", "10 à 49", "50 à 249", "250 et plus"]),
          },
          {
            type: "SINGLE_CHOICE",
            label: en ? "When is your project due?" : "À quelle échéance est votre projet ?",
            required: false,
            options: options(en ? ["Within 3 months", "Within a year", "No project yet"] : ["Dans les 3 mois", "Dans l'année", "Pas de projet pour l'instant"]),
          },
        ],
      },
      contactSection(en, en ? "The download link is sent to this address." : "Le lien de téléchargement est envoyé à cette adresse."),
    ],
    purposes: [recontact(en, org)],
  };
}

function satisfactionSurvey(en: boolean, org: string): CampaignTemplate {
  return {
    kind: "SURVEY",
    title: en ? "How satisfied are you?" : "Êtes-vous satisfait ?",
    settings: {
      description: en ? "Two minutes to tell us what you think: every answer is read." : "Deux minutes pour nous dire ce que vous pensez : chaque réponse est lue.",
    },
    sections: [
      {
        title: en ? "Your opinion" : "Votre avis",
        questions: [
          {
            type: "SINGLE_CHOICE",
            label: en ? "Overall, how satisfied are you?" : "Dans l'ensemble, êtes-vous satisfait ?",
            required: true,
            options: options(en ? ["Very satisfied", "Satisfied", "Not very satisfied", "Not satisfied at all"] : ["Très satisfait", "Satisfait", "Peu satisfait", "Pas du tout satisfait"]),
          },
          { type: "SCALE", label: en ? "How likely are you to recommend us to a friend?" : "Recommanderiez-vous nos services à un proche ?", required: true },
          {
            type: "MULTIPLE_CHOICE",
            label: en ? "What do you value most?" : "Qu'appréciez-vous le plus ?",
            required: false,
            options: options(en ? ["Quality", "Price", "Advice", "Speed", "After-sales service"] : ["La qualité", "Le prix", "Le conseil", "La rapidité", "Le service après-vente"]),
          },
          { type: "LONG_TEXT", label: en ? "What could we do better?" : "Que pourrions-nous améliorer ?", required: false, validation: { maxLength: 2000 } },
        ],
      },
      contactSection(en, en ? "Optional: only if you want an answer from us." : "Facultatif : seulement si vous souhaitez une réponse de notre part.", [], false),
    ],
    purposes: [recontact(en, org)],
  };
}

const BUILD: Record<TemplateId, (en: boolean, org: string) => CampaignTemplate> = {
  PELLET_STOVE_CONTEST: pelletStove,
  WHITE_PAPER: whitePaper,
  SATISFACTION_SURVEY: satisfactionSurvey,
};

/** A template in the organisation's language, with its name where the content names it. */
export function campaignTemplate(id: TemplateId, locale: string, organisationName: string): CampaignTemplate {
  return BUILD[id](locale === "en", organisationName);
}
