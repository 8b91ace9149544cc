import type { NoticeCampaign, NoticeOrganisation } from "../notice";

// The cases whose notice and template texts were recorded (golden/*.json) before those texts moved from
// TypeScript dictionaries to the message catalogues: the same cases must read the same words after the move.

const dpoOrg: NoticeOrganisation = { name: "Poêles Durand", legalName: "Poêles Durand SARL", address: "12 rue des Forges, 69003 Lyon", contactEmail: "contact@example.fr", dpoName: "Claire Petit", dpoEmail: "dpo@example.fr" };
const contactOrg: NoticeOrganisation = { name: "Granulés Martin", legalName: "", address: "", contactEmail: "bonjour@martin.test", dpoName: "", dpoEmail: "" };
const dpoEmailOrg: NoticeOrganisation = { name: "Bois & Co", legalName: "", address: "1 place du Marché", contactEmail: "", dpoName: "", dpoEmail: "dpo@bois.test" };
const bareOrg: NoticeOrganisation = { name: "Anonyme", legalName: "", address: "", contactEmail: "", dpoName: "", dpoEmail: "" };

const base = { title: "Jeu", retentionMonths: 36, unconfirmedPurgeDays: 30, recipients: "", minimumAge: null, purposes: [], questionTypes: ["EMAIL"] };

export const noticeCases: Array<{ name: string; org: NoticeOrganisation; campaign: Omit<NoticeCampaign, "locale" | "kind"> }> = [
  { name: "minimal", org: bareOrg, campaign: base },
  {
    name: "full-consent-scoring",
    org: dpoOrg,
    campaign: {
      ...base,
      purposes: [{ wording: "Recevoir nos offres par e-mail" }, { wording: "Analyser mes réponses" }],
      questionTypes: ["EMAIL", "FIRST_NAME", "LAST_NAME", "PHONE", "POSTAL_CODE", "DATE", "SINGLE_CHOICE"],
      partners: "Granulés du Rhône SAS\nChauffage Alpes SARL",
      scoring: { kind: "CONSENT", wording: "Analyser mes réponses" },
      birthDate: true,
      minorPolicy: "PARENTAL_CONSENT",
    },
  },
  {
    name: "legitimate-adults-contact",
    org: contactOrg,
    campaign: { ...base, retentionMonths: 12, unconfirmedPurgeDays: 7, recipients: "Notre agence Exemple", minimumAge: 18, purposes: [{ wording: "Offres" }], questionTypes: ["EMAIL", "LAST_NAME", "MULTIPLE_CHOICE"], scoring: { kind: "LEGITIMATE_INTEREST" } },
  },
  { name: "dpo-email-only-teen", org: dpoEmailOrg, campaign: { ...base, minimumAge: 13, purposes: [{ wording: "Offres" }], questionTypes: ["PHONE", "FIRST_NAME"], birthDate: false } },
];

export const NOTICE_KINDS = ["CONTEST", "LEAD_MAGNET", "SURVEY"] as const;
export const LOCALES = ["fr", "en"] as const;
