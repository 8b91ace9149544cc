import { describe, expect, it } from "vitest";
import { publishProblems, publishWarnings, type PublishCheckInput } from "./publish-checks";

const NOW = new Date("2026-11-23T12:00:00Z");
const ok: PublishCheckInput = {
  organisation: { legalName: "Poêles Durand SARL", name: "Poêles Durand", contactEmail: "contact@example.fr", dpoEmail: "" },
  campaign: {
    kind: "CONTEST",
    title: "Jeu",
    opensAt: new Date("2026-11-20T00:00:00Z"),
    closesAt: new Date("2026-12-20T00:00:00Z"),
    retentionMonths: 36,
    prize: "Un poêle",
    winnersCount: 1,
    rulesText: "Règlement",
    rulesFilePath: null,
    rewardUrl: "",
    rewardFilePath: null,
    minimumAge: null,
    ageCheck: "BIRTHDATE",
  },
  questions: [{ type: "EMAIL", required: true, rfmTag: null, validation: {}, options: [] }],
  purposes: [{ wording: "Recevoir nos offres par e-mail" }],
};
const keys = (input: PublishCheckInput) => publishProblems(input, NOW).map((p) => p.key);

describe("publish checks", () => {
  it("accept a complete contest", () => {
    expect(keys(ok)).toEqual([]);
  });
  it("ask for what the notice needs, pointing to the organisation settings", () => {
    const problems = publishProblems({ ...ok, organisation: { legalName: "", name: "X", contactEmail: "", dpoEmail: "" }, purposes: [] }, NOW);
    expect(problems.map((p) => p.key)).toEqual(expect.arrayContaining(["checks.controller", "checks.contact", "checks.purposes"]));
    expect(problems.find((p) => p.key === "checks.controller")?.where).toBe("organisation");
  });
  it("accept the DPO address instead of the contact address", () => {
    expect(keys({ ...ok, organisation: { ...ok.organisation, contactEmail: "", dpoEmail: "dpo@example.fr" } })).toEqual([]);
  });
  it("require a required e-mail question for contests and lead magnets, not for surveys without consent", () => {
    expect(keys({ ...ok, questions: [{ type: "SHORT_TEXT", required: false, rfmTag: null, validation: {}, options: [] }] })).toContain("checks.email");
    expect(keys({ ...ok, questions: [{ type: "EMAIL", required: false, rfmTag: null, validation: {}, options: [] }] })).toContain("checks.emailRequired");
    const survey = { ...ok, campaign: { ...ok.campaign, kind: "SURVEY" }, questions: [{ type: "SCALE", required: true, rfmTag: null, validation: {}, options: [] }] };
    expect(keys(survey)).toEqual(["checks.emailForConsent"]);
  });
  it("check the contest's prize and rules, the lead magnet's reward, dates and birth date", () => {
    expect(keys({ ...ok, campaign: { ...ok.campaign, prize: " ", rulesText: "" } })).toEqual(["checks.prize", "checks.rules"]);
    expect(keys({ ...ok, campaign: { ...ok.campaign, rulesText: "", rulesFilePath: "c/rules.pdf" } })).toEqual([]);
    expect(keys({ ...ok, campaign: { ...ok.campaign, kind: "LEAD_MAGNET" } })).toEqual(["checks.reward"]);
    expect(keys({ ...ok, campaign: { ...ok.campaign, closesAt: new Date("2026-11-21T00:00:00Z") } })).toEqual(["checks.closesInPast"]);
    expect(keys({ ...ok, campaign: { ...ok.campaign, closesAt: ok.campaign.opensAt } })).toEqual(["checks.dates"]);
    expect(keys({ ...ok, campaign: { ...ok.campaign, minimumAge: 18 } })).toEqual(["checks.birthDate"]);
    expect(keys({ ...ok, campaign: { ...ok.campaign, minimumAge: 18, ageCheck: "DECLARATION" } })).toEqual([]);
  });
  it("require the partners by name when a purpose is about partners", () => {
    const partnersPurpose = { ...ok, purposes: [...ok.purposes, { wording: "Recevoir les offres de nos partenaires" }] };
    expect(keys(partnersPurpose)).toContain("checks.partners");
    expect(keys({ ...partnersPurpose, campaign: { ...partnersPurpose.campaign, partners: "Granulés du Rhône SAS" } })).not.toContain("checks.partners");
    expect(keys(ok)).not.toContain("checks.partners");
  });

  it("require choices and RFM scores", () => {
    const single = { type: "SINGLE_CHOICE", required: true, validation: {} };
    expect(keys({ ...ok, questions: [...ok.questions, { ...single, rfmTag: null, options: [{ rfmScore: null }] }] })).toEqual(["checks.options"]);
    expect(keys({ ...ok, questions: [...ok.questions, { ...single, rfmTag: "R", options: [{ rfmScore: 5 }, { rfmScore: null }] }] })).toEqual(["checks.rfmScores"]);
  });
  it("warn when the RFM tags are incomplete", () => {
    expect(publishWarnings(ok).map((w) => w.key)).toEqual(["checks.rfmNone"]);
    const r = { type: "SINGLE_CHOICE", required: true, rfmTag: "R", validation: {}, options: [] };
    expect(publishWarnings({ ...ok, questions: [r] })).toEqual([{ key: "checks.rfmMissing", where: "builder", values: { tags: "F, M" } }]);
  });
});
