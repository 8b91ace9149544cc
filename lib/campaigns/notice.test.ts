import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { frenchIn } from "@/tests/architecture/french";
import { LOCALES, NOTICE_KINDS, noticeCases } from "./golden/cases";
import { buildNotice, noticeFirstLayer, noticeTitle, type NoticeCampaign, type NoticeOrganisation } from "./notice";

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

  it("says why each kind of question is asked", () => {
    const notice = text(buildNotice(org, { ...campaign, questionTypes: ["EMAIL", "FIRST_NAME", "PHONE", "POSTAL_CODE", "DATE", "SINGLE_CHOICE"], birthDate: true }));
    expect(notice).toContain("Votre adresse e-mail : confirmer votre participation, vous prévenir si vous gagnez");
    expect(notice).toContain("Vos nom et prénom : vous identifier si vous gagnez");
    expect(notice).toContain("Votre téléphone : vous joindre si vous gagnez");
    expect(notice).toContain("Votre code postal : connaître la répartition géographique");
    expect(notice).toContain("Votre date de naissance : vérifier l'âge requis");
    expect(notice).toContain("Vos autres réponses : mieux connaître vos besoins");
    expect(text(buildNotice(org, { ...campaign, questionTypes: ["EMAIL"] }))).not.toContain("Vos autres réponses");
  });
  it("names the technical data collected and their anti-fraud purpose", () => {
    const notice = text(buildNotice(org, campaign));
    expect(notice).toContain("Données techniques et lutte contre la fraude");
    expect(notice).toMatch(/empreinte chiffrée de votre adresse IP tronquée.*participations automatisées ou multiples.*intérêt légitime à prévenir la fraude/);
  });
  it("names the partners", () => {
    expect(text(buildNotice(org, { ...campaign, partners: "Granulés du Rhône SAS\nChauffage Alpes SARL" }))).toContain("Partenaires, uniquement si vous cochez la case correspondante : Granulés du Rhône SAS ; Chauffage Alpes SARL.");
  });
  it("gives the retention for people who tick no box", () => {
    expect(text(buildNotice(org, campaign))).toContain("Si vous ne cochez aucune case : vos données servent seulement à gérer votre participation, ne sont jamais utilisées pour vous démarcher, et sont supprimées ou anonymisées 36 mois après");
  });
  it("says on which basis answers are scored: the profiling purpose's consent, or legitimate interest with the right to object", () => {
    const consent = text(buildNotice(org, { ...campaign, scoring: { kind: "CONSENT", wording: "Analyser mes réponses" } }));
    expect(consent).toContain("uniquement si vous cochez « Analyser mes réponses »");
    const legitimate = text(buildNotice(org, { ...campaign, scoring: { kind: "LEGITIMATE_INTEREST" } }));
    expect(legitimate).toContain("sur la base de notre intérêt légitime. Vous pouvez vous y opposer à tout moment");
    expect(text(buildNotice(org, { ...campaign, scoring: null }))).not.toContain("Analyse de vos réponses");
  });
  it("explains the parent's agreement when the campaign asks for it", () => {
    expect(text(buildNotice(org, { ...campaign, birthDate: true, minorPolicy: "PARENTAL_CONSENT" }))).toContain("Avant 15 ans, le formulaire demande l'adresse e-mail d'un parent");
  });
  it("does not present the contact address as a DPO when none is entered", () => {
    const notice = text(buildNotice({ ...org, dpoName: "", dpoEmail: "" }, campaign));
    expect(notice).not.toMatch(/délégué/);
    expect(notice).toContain("Contact: Pour toute question : contact@example.fr.");
    expect(text(buildNotice({ ...org, dpoName: "", dpoEmail: "" }, { ...campaign, locale: "en" }))).not.toMatch(/data protection officer/i);
  });
  it("has a short first layer for above the submit button, with the words of the link to the full text", () => {
    const layer = noticeFirstLayer(org, { ...campaign, scoring: { kind: "LEGITIMATE_INTEREST" } });
    expect(layer.text).toContain("Poêles Durand SARL traite vos données pour gérer votre participation au jeu.");
    expect(layer.text).toContain("vous pouvez vous y opposer");
    expect(layer.text.length).toBeLessThan(400);
    expect(layer.more).toBe("Lire la notice complète");
  });
});

describe("the notice from the message catalogue", () => {
  // golden/notice.json was written by the TypeScript dictionaries the notice had before its words moved
  // to lib/i18n/messages/*/notice.json: every case, kind and language reads word for word the same.
  const golden = JSON.parse(fs.readFileSync(path.join(__dirname, "golden", "notice.json"), "utf8")) as Record<string, unknown>;
  for (const locale of LOCALES) {
    it(`reads as it did before the move, in ${locale}, for every case and kind`, () => {
      expect(noticeTitle(locale)).toBe(golden[`title.${locale}`]);
      for (const kind of NOTICE_KINDS)
        for (const c of noticeCases) {
          const notice = { ...c.campaign, kind, locale };
          expect({ blocks: buildNotice(c.org, notice), firstLayer: noticeFirstLayer(c.org, notice) }, `${c.name}.${kind}.${locale}`).toEqual(golden[`${c.name}.${kind}.${locale}`]);
        }
    });
  }
  it("is English in English: no French word but the organisation's own texts", () => {
    for (const kind of NOTICE_KINDS) {
      const c = noticeCases.find((x) => x.name === "full-consent-scoring")!;
      const english = { ...c.campaign, kind, locale: "en", purposes: [{ wording: "Get offers" }], partners: "Stoves Ltd", scoring: { kind: "CONSENT" as const, wording: "Get offers" } };
      const org = { ...c.org, name: "Stoves", legalName: "Stoves Ltd", address: "1 High Street" };
      const blocks = buildNotice(org, english);
      const first = noticeFirstLayer(org, english);
      const texts = [noticeTitle("en"), ...blocks.flatMap((b) => [b.heading, ...b.paragraphs]), first.text, first.more];
      expect(texts.filter((x) => frenchIn(x) !== null)).toEqual([]);
    }
  });
});
