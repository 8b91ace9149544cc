import { describe, expect, it } from "vitest";
import { buildNotice, type NoticeCampaign, type NoticeOrganisation } from "./notice";

const org: NoticeOrganisation = { name: "Poêles Durand", legalName: "Poêles Durand SARL", address: "12 rue des Forges, 69003 Lyon", contactEmail: "contact@example.fr", dpoName: "Claire Petit", dpoEmail: "dpo@example.fr" };
const campaign: NoticeCampaign = {
  kind: "CONTEST",
  locale: "fr",
  title: "Jeu",
  retentionMonths: 36,
  unconfirmedPurgeDays: 30,
  recipients: "",
  minimumAge: null,
  purposes: [{ wording: "Recevoir nos offres par e-mail" }],
  questionTypes: ["EMAIL"],
};
const text = (blocks: ReturnType<typeof buildNotice>) => blocks.map((b) => `${b.heading}: ${b.paragraphs.join(" ")}`).join("\n");

describe("the GDPR art. 13 notice", () => {
  it("names the controller, purposes with bases, recipients, retention, rights, DPO and the CNIL", () => {
    const notice = text(buildNotice(org, campaign));
    expect(notice).toContain("Poêles Durand SARL, 12 rue des Forges, 69003 Lyon");
    expect(notice).toContain("Recevoir nos offres par e-mail (base légale : votre consentement");
    expect(notice).toContain("exécution du règlement");
    expect(notice).toContain("Les seules équipes de Poêles Durand SARL");
    expect(notice).toContain("36 mois à compter de votre dernier contact");
    expect(notice).toContain("Claire Petit, dpo@example.fr");
    expect(notice).toContain("www.cnil.fr");
    expect(notice).not.toContain("Bloctel");
  });
  it("mentions Bloctel when a phone is asked, minors' rules, and speaks English for English forms", () => {
    expect(text(buildNotice(org, { ...campaign, questionTypes: ["EMAIL", "PHONE"] }))).toContain("Bloctel");
    expect(text(buildNotice(org, { ...campaign, minimumAge: 18 }))).toContain("au moins 18 ans");
    expect(text(buildNotice(org, campaign))).toContain("moins de 15 ans");
    expect(text(buildNotice(org, { ...campaign, locale: "en" }))).toContain("Data controller");
  });
  it("uses the recipients the marketer typed", () => {
    expect(text(buildNotice(org, { ...campaign, recipients: "Notre agence Exemple" }))).toContain("Notre agence Exemple");
  });
});
