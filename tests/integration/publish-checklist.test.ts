import { describe, expect, it } from "vitest";
import { useFreshDatabase } from "../test-db";
import type { CampaignDefinitionInput } from "@/lib/campaigns/definition";
import { owner } from "./entry-fixtures";

// The builder's checklist runs the server's publish checks on the form's draft
// (checkInputOfDraft): for what is saved, both must list the same problems,
// and fixing the draft must clear them all at once, not one per save.

useFreshDatabase();

describe("the builder's live publish checklist", () => {
  it("lists, from the draft, exactly what the server refuses to publish, then nothing once the draft is fixed", async () => {
    const { createCampaign, getBuilderData, saveCampaignDefinition, publishCampaign } = await import("@/lib/campaigns/queries");
    const { campaignDefinitionSchema } = await import("@/lib/campaigns/definition");
    const { checkInputOfDraft } = await import("@/lib/campaigns/publish-draft");
    const { publishProblems } = await import("@/lib/campaigns/publish-checks");
    const member = await owner("checklist@example.test", "Poêles Checklist");
    const { id } = await createCampaign(member, { kind: "CONTEST", title: "Gagnez un poêle" });
    const data = await getBuilderData(member, id);
    const live = (draft: CampaignDefinitionInput) => publishProblems(checkInputOfDraft(draft, data.draftContext)).map((p) => p.key);

    // Everything that blocks, listed together.
    expect(live(data.values)).toEqual(data.problems.map((p) => p.key));
    expect(live(data.values)).toEqual(["checks.prize", "checks.rules"]);

    // An age limit with a birth-date check adds its question to the same list, as typed.
    const withAge = { ...data.values, minimumAge: "18", ageCheck: "BIRTHDATE" } as CampaignDefinitionInput;
    expect(live(withAge)).toEqual(["checks.prize", "checks.rules", "checks.birthDate"]);
    // The birth date is a question type of its own (no date plus a tick); it must be required.
    const section = withAge.sections[0]!;
    const birth = (required: boolean) =>
      ({ ...withAge, sections: [{ ...section, questions: [...section.questions, { type: "BIRTH_DATE", label: "Date de naissance", required }] }] }) as CampaignDefinitionInput;
    expect(live(birth(false))).toEqual(["checks.prize", "checks.rules", "checks.birthDateRequired"]);
    expect(live(birth(true))).toEqual(["checks.prize", "checks.rules"]);
    const aDate = { ...withAge, sections: [{ ...section, questions: [...section.questions, { type: "DATE", label: "Date de naissance", required: true }] }] } as CampaignDefinitionInput;
    expect(live(aDate)).toContain("checks.birthDate");

    // Fixed in the draft: nothing left, and the server agrees once it is saved.
    const fixed = { ...data.values, prize: "Un poêle à granulés", rulesText: "Jeu gratuit sans obligation d'achat." };
    expect(live(fixed)).toEqual([]);
    await saveCampaignDefinition(member, id, campaignDefinitionSchema.parse(fixed));
    const after = await getBuilderData(member, id);
    expect(after.problems).toEqual([]);
    expect(live(after.values)).toEqual([]);
    await publishCampaign(member, id);
  });

  it("flags a half-typed date instead of passing it", async () => {
    const { checkInputOfDraft } = await import("@/lib/campaigns/publish-draft");
    const { publishProblems } = await import("@/lib/campaigns/publish-checks");
    const { createCampaign, getBuilderData } = await import("@/lib/campaigns/queries");
    const member = await owner("checklist-dates@example.test", "Sondages");
    const { id } = await createCampaign(member, { kind: "SURVEY", title: "Votre avis" });
    const data = await getBuilderData(member, id);
    const keys = (draft: CampaignDefinitionInput) => publishProblems(checkInputOfDraft(draft, data.draftContext)).map((p) => p.key);
    expect(keys(data.values)).toEqual([]);
    expect(keys({ ...data.values, closesAt: "" })).toEqual(["checks.dates"]);
  });
});
