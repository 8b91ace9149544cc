import { describe, expect, it } from "vitest";
import { showIfProblems } from "./show-if-checks";
import { campaignDefinitionSchema, type CampaignDefinitionInput } from "./definition";

const owner = { id: "owner", type: "YES_NO", options: [], validation: {} };
const heating = { id: "heating", type: "SINGLE_CHOICE", options: [{ id: "o-pellet" }, { id: "o-gas" }], validation: {} };
const nps = { id: "nps", type: "SCALE", options: [], validation: { min: 0, max: 10 } };
const email = { id: "email", type: "EMAIL", options: [], validation: {} };
const postcode = { id: "postcode", type: "SHORT_TEXT", options: [], validation: {} };

describe("showIfProblems", () => {
  it("keeps conditions on an earlier closed question with values it has", () => {
    expect(
      showIfProblems([
        { questions: [owner, { ...heating, showIf: { questionId: "owner", anyOf: ["yes"] } }, nps] },
        { showIf: { questionId: "nps", anyOf: ["0", "6"] }, questions: [{ ...postcode, showIf: { questionId: "heating", anyOf: ["o-gas"] } }] },
      ]),
    ).toEqual([]);
  });

  it("refuses a condition on a later question, on itself, or on a question that is gone", () => {
    expect(showIfProblems([{ questions: [{ ...owner, showIf: { questionId: "heating", anyOf: ["o-gas"] } }, heating] }])).toEqual([
      { path: ["sections", 0, "questions", 0, "showIf"], message: "builder.errors.showIfEarlier" },
    ]);
    expect(showIfProblems([{ questions: [{ ...owner, showIf: { questionId: "owner", anyOf: ["yes"] } }] }])[0]!.message).toBe("builder.errors.showIfEarlier");
    // A section's condition must rest on an earlier section, not on one of its own questions.
    expect(showIfProblems([{ showIf: { questionId: "owner", anyOf: ["yes"] }, questions: [owner] }])).toEqual([{ path: ["sections", 0, "showIf"], message: "builder.errors.showIfEarlier" }]);
    expect(showIfProblems([{ questions: [{ ...owner, showIf: { questionId: "deleted", anyOf: ["yes"] } }] }])[0]!.message).toBe("builder.errors.showIfMissing");
  });

  it("refuses a condition on the e-mail or birth-date question, or on a section holding one: eligibility is checked on them", () => {
    const birth = { id: "birth", type: "BIRTH_DATE", options: [], validation: {} };
    const onYes = { questionId: "owner", anyOf: ["yes"] };
    expect(showIfProblems([{ questions: [owner, { ...email, showIf: onYes }] }])).toEqual([{ path: ["sections", 0, "questions", 1, "showIf"], message: "builder.errors.showIfAlwaysShown" }]);
    expect(showIfProblems([{ questions: [owner, { ...birth, showIf: onYes }] }])).toEqual([{ path: ["sections", 0, "questions", 1, "showIf"], message: "builder.errors.showIfAlwaysShown" }]);
    expect(showIfProblems([{ questions: [owner] }, { showIf: onYes, questions: [postcode, birth] }])).toEqual([{ path: ["sections", 1, "showIf"], message: "builder.errors.showIfAlwaysShown" }]);
    // Unconditioned, in an unconditioned section, after conditioned questions: fine.
    expect(showIfProblems([{ questions: [owner, { ...postcode, showIf: onYes }, email, birth] }])).toEqual([]);
  });

  it("refuses open questions as a source, and values the source does not have", () => {
    expect(showIfProblems([{ questions: [email, { ...owner, showIf: { questionId: "email", anyOf: ["a@b.fr"] } }] }])[0]!.message).toBe("builder.errors.showIfType");
    expect(showIfProblems([{ questions: [heating, { ...owner, showIf: { questionId: "heating", anyOf: ["o-removed"] } }] }])[0]!.message).toBe("builder.errors.showIfValues");
    expect(showIfProblems([{ questions: [nps, { ...owner, showIf: { questionId: "nps", anyOf: ["11"] } }] }])[0]!.message).toBe("builder.errors.showIfValues");
  });
});

describe("the builder's schema (client and server)", () => {
  const base: CampaignDefinitionInput = {
    title: "Jeu",
    slug: "jeu-test",
    locale: "fr",
    brandColor: "#112233",
    opensAt: "2026-12-01T10:00",
    closesAt: "2026-12-31T10:00",
    timeZone: "Europe/Paris",
    retentionMonths: 36,
    unconfirmedPurgeDays: 30,
    winnersCount: 1,
    alternatesCount: 0,
    minimumAge: "",
    ageCheck: "BIRTHDATE",
    minorPolicy: "REFUSE",
    requireConfirmation: true,
    rewardUrl: "",
    purposes: [],
    sections: [],
  };
  const question = (id: string, type: "YES_NO" | "SHORT_TEXT", showIf: { questionId: string; anyOf: string[] } | null = null) => ({ id, type, label: id, showIf });

  it("refuses a forward reference with its French message key at the condition's path", () => {
    const parsed = campaignDefinitionSchema.safeParse({ ...base, sections: [{ title: "", questions: [question("a", "SHORT_TEXT", { questionId: "b", anyOf: ["yes"] }), question("b", "YES_NO")] }] });
    expect(parsed.success).toBe(false);
    expect(parsed.error!.issues.map((i) => [i.path.join("."), i.message])).toContainEqual(["sections.0.questions.0.showIf", "builder.errors.showIfEarlier"]);
  });

  it("keeps a valid condition, and reads a missing one as none", () => {
    const parsed = campaignDefinitionSchema.parse({ ...base, sections: [{ title: "", questions: [question("a", "YES_NO"), question("b", "SHORT_TEXT", { questionId: "a", anyOf: ["yes"] })] }] });
    expect(parsed.sections[0]!.questions[1]!.showIf).toEqual({ questionId: "a", anyOf: ["yes"] });
    expect(parsed.sections[0]!.questions[0]!.showIf).toBeNull();
    expect(parsed.sections[0]!.showIf).toBeNull();
  });
});
