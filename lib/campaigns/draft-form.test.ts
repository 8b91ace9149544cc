import { describe, expect, it } from "vitest";
import { draftFormDefinition, fillIn } from "./draft-form";
import type { CampaignDefinitionInput } from "./definition";

const campaign = { id: "c1", kind: "CONTEST" };

describe("the draft as the respondent form sees it", () => {
  it("keeps saved ids, gives unsaved items ids from their place, and reads numbers typed as text", () => {
    const draft: Partial<CampaignDefinitionInput> = {
      slug: "jeu",
      locale: "en",
      minimumAge: "18",
      sections: [
        {
          id: "s1",
          title: " Vous ",
          questions: [
            { id: "q1", type: "FIRST_NAME", label: "Prénom", required: true },
            { type: "MULTIPLE_CHOICE", label: "Goûts", options: [{ id: "o1", label: "Bois", rfmScore: "" }, { label: "", rfmScore: "" }], validation: { min: "1", max: "x" } as never },
          ],
        },
        { title: "Vide", questions: [] },
        { title: "", questions: [{ type: "NUMBER", label: "", validation: { min: "", maxLength: "" } as never }] },
      ],
      purposes: [{ wording: "  Recevoir les offres  " }, { id: "p2", wording: "" }],
    };
    const form = draftFormDefinition(draft, campaign);
    expect(form).toMatchObject({ id: "c1", slug: "jeu", kind: "CONTEST", locale: "en", minimumAge: 18 });
    expect(form.sections.map((s) => s.id)).toEqual(["s1", "draft-s2"]);
    expect(form.sections[0]!.title).toBe("Vous");
    const [first, second] = form.sections[0]!.questions;
    expect(first).toMatchObject({ id: "q1", type: "FIRST_NAME", label: "Prénom", required: true, helpText: "", options: [] });
    expect(second!.id).toBe("draft-s0-q1");
    expect(second!.required).toBe(false);
    // A choice not typed yet is not drawn: a box without words helps no one (and fails WCAG's "label").
    expect(second!.options).toEqual([{ id: "o1", label: "Bois" }]);
    expect(second!.validation).toEqual({ min: 1, max: null, maxLength: null });
    expect(form.purposes).toEqual([{ id: "draft-p0", wording: "Recevoir les offres" }]);
  });

  it("applies complete show-if conditions as the public form will, and a scale's end labels", () => {
    const form = draftFormDefinition(
      {
        sections: [
          {
            title: "",
            questions: [
              { id: "owner", type: "YES_NO", label: "Un poêle ?" },
              { type: "SHORT_TEXT", label: "Marque", showIf: { questionId: "owner", anyOf: ["yes"] } },
              { type: "SHORT_TEXT", label: "Pas encore choisi", showIf: { questionId: "", anyOf: [] } },
              { type: "SCALE", label: "Note", validation: { min: "0", max: "10", minLabel: " Pas du tout ", maxLabel: "" } as never },
            ],
          },
          { title: "Suite", showIf: { questionId: "owner", anyOf: ["no"] }, questions: [{ type: "SHORT_TEXT", label: "Pourquoi ?" }] },
        ],
      },
      campaign,
    );
    const [owner, brand, unfinished, scale] = form.sections[0]!.questions;
    expect(owner!.showIf).toBeNull();
    expect(brand!.showIf).toEqual({ questionId: "owner", anyOf: ["yes"] });
    expect(unfinished!.showIf).toBeNull();
    expect(scale!.validation).toEqual({ min: 0, max: 10, maxLength: null, minLabel: "Pas du tout" });
    expect(form.sections[1]!.showIf).toEqual({ questionId: "owner", anyOf: ["no"] });
  });

  it("copes with an empty draft", () => {
    expect(draftFormDefinition({}, campaign)).toMatchObject({ locale: "fr", minimumAge: null, sections: [], purposes: [], ageCheck: "BIRTHDATE", minorPolicy: "REFUSE" });
  });

  it("fills the draft's values into strings resolved once with placeholders", () => {
    const strings = { ageDeclaration: "Je déclare avoir au moins {age} ans", errors: { tooYoung: "Au moins {age} ans.", other: "x {unknown}" }, prize: "À gagner : {prize}", n: 3 };
    expect(fillIn(strings, { age: 16, prize: "Un poêle" })).toEqual({
      ageDeclaration: "Je déclare avoir au moins 16 ans",
      errors: { tooYoung: "Au moins 16 ans.", other: "x {unknown}" },
      prize: "À gagner : Un poêle",
      n: 3,
    });
    expect(fillIn("{age} ans", { age: null })).toBe(" ans");
  });
});
