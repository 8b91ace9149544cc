import { beforeAll, describe, expect, it } from "vitest";
import { useFreshDatabase } from "../test-db";
import type { Member } from "@/lib/auth/session";
import type { CampaignDefinitionInput } from "@/lib/campaigns/definition";

// Show-if against a real database: conditions built on questions not saved yet are stored
// with the ids those questions get, copies point at their own questions, a hidden answer
// sent anyway is never stored, and statistics count only the entries that saw a question.
useFreshDatabase();

let owner: Member;
let campaignId: string;
let slug: string;

beforeAll(async () => {
  const { createAccount } = await import("@/lib/auth/sign-up");
  const a = await createAccount({ name: "M", organisationName: "Poêles", email: "owner@example.test", password: "x".repeat(12) });
  owner = { userId: a.userId, email: "owner@example.test", name: "M", organisationId: a.organisationId, organisationName: "Poêles", role: "OWNER" };
  const { createCampaign, getCampaignForMember } = await import("@/lib/campaigns/queries");
  campaignId = (await createCampaign(owner, { kind: "SURVEY", title: "Chauffage" })).id;
  slug = (await getCampaignForMember(owner, campaignId)).slug;
});

async function save(values: CampaignDefinitionInput) {
  const { campaignDefinitionSchema } = await import("@/lib/campaigns/definition");
  const { saveCampaignDefinition } = await import("@/lib/campaigns/queries");
  await saveCampaignDefinition(owner, campaignId, campaignDefinitionSchema.parse(values));
}

async function questionsByLabel() {
  const { db } = await import("@/lib/db");
  const rows = await db.question.findMany({ where: { campaignId }, include: { options: { orderBy: { position: "asc" } } } });
  return Object.fromEntries(rows.map((q) => [q.label, q]));
}

describe("show-if, saved and answered", () => {
  it("stores a condition on a question created in the same save with that question's stored ids", async () => {
    const { getBuilderData, publishCampaign } = await import("@/lib/campaigns/queries");
    const { toZonedInput } = await import("@/lib/time-zone");
    const { values } = await getBuilderData(owner, campaignId);
    await save({
      ...values,
      opensAt: toZonedInput(new Date(Date.now() - 3_600_000), values.timeZone),
      sections: [
        {
          ...values.sections[0]!,
          questions: [
            ...values.sections[0]!.questions,
            { id: "new-owner", type: "YES_NO", label: "Avez-vous un poêle ?", required: true },
            {
              id: "new-fuel",
              type: "SINGLE_CHOICE",
              label: "Combustible",
              required: true,
              options: [{ id: "new-pellet", label: "Granulés", rfmScore: "" }, { label: "Bois", rfmScore: "" }],
              showIf: { questionId: "new-owner", anyOf: ["yes"] },
            },
          ],
        },
        // A whole section shown on the fuel's "Granulés".
        { title: "Granulés", showIf: { questionId: "new-fuel", anyOf: ["new-pellet"] }, questions: [{ type: "SHORT_TEXT", label: "Marque", required: true }] },
      ],
    });
    const q = await questionsByLabel();
    expect(JSON.parse(q["Combustible"]!.showIf!)).toEqual({ questionId: q["Avez-vous un poêle ?"]!.id, anyOf: ["yes"] });
    const { db } = await import("@/lib/db");
    const section = await db.section.findFirstOrThrow({ where: { campaignId, title: "Granulés" } });
    expect(JSON.parse(section.showIf!)).toEqual({ questionId: q["Combustible"]!.id, anyOf: [q["Combustible"]!.options[0]!.id] });
    // The builder reads them back as saved: a second save keeps them unchanged.
    const again = (await getBuilderData(owner, campaignId)).values;
    expect(again.sections[1]!.showIf).toEqual({ questionId: q["Combustible"]!.id, anyOf: [q["Combustible"]!.options[0]!.id] });
    await save(again);
    expect((await questionsByLabel())["Combustible"]!.showIf).toBe(q["Combustible"]!.showIf);
    await publishCampaign(owner, campaignId);
  });

  it("refuses on the server a condition on a later question (the same schema as the builder's)", async () => {
    const { campaignDefinitionSchema } = await import("@/lib/campaigns/definition");
    const { getBuilderData } = await import("@/lib/campaigns/queries");
    const { values } = await getBuilderData(owner, campaignId);
    const [first, second] = values.sections;
    // The fuel's source moved after it: refused, nothing saved.
    const moved = { ...first!, questions: [...first!.questions.filter((x) => x.label !== "Avez-vous un poêle ?"), first!.questions.find((x) => x.label === "Avez-vous un poêle ?")!] };
    const parsed = campaignDefinitionSchema.safeParse({ ...values, sections: [moved, second!] });
    expect(parsed.success).toBe(false);
    expect(parsed.error!.issues.map((i) => i.message)).toContain("builder.errors.showIfEarlier");
  });

  it("refuses on the server a condition that could hide the e-mail or the birth-date question (eligibility rests on them)", async () => {
    const { campaignDefinitionSchema } = await import("@/lib/campaigns/definition");
    const { getBuilderData, saveCampaignDefinition } = await import("@/lib/campaigns/queries");
    const { values } = await getBuilderData(owner, campaignId);
    const [first, second] = values.sections;
    const owns = first!.questions.find((x) => x.label === "Avez-vous un poêle ?")!.id!;
    const birth = { type: "BIRTH_DATE" as const, label: "Date de naissance", required: true };
    const onNo = { questionId: owns, anyOf: ["no"] };
    const refused = (sections: CampaignDefinitionInput["sections"]) => {
      const parsed = campaignDefinitionSchema.safeParse({ ...values, sections });
      expect(parsed.success).toBe(false);
      return parsed.error!.issues.map((i) => [i.path.join("."), i.message]);
    };
    // The survey's e-mail, placed after the yes/no and shown only on "Non"…
    const emailAt = first!.questions.findIndex((x) => x.type === "EMAIL");
    const email = first!.questions[emailAt]!;
    const others = first!.questions.filter((_, k) => k !== emailAt);
    expect(refused([{ ...first!, questions: [...others, { ...email, showIf: onNo }] }, second!])).toContainEqual([
      `sections.0.questions.${others.length}.showIf`,
      "builder.errors.showIfAlwaysShown",
    ]);
    // …a birth date shown only on "Non"…
    expect(refused([{ ...first!, questions: [...first!.questions, { ...birth, showIf: onNo }] }, second!])).toContainEqual([
      `sections.0.questions.${first!.questions.length}.showIf`,
      "builder.errors.showIfAlwaysShown",
    ]);
    // …or in the section shown only on "Granulés": refused.
    expect(refused([first!, { ...second!, questions: [...second!.questions, birth] }])).toContainEqual(["sections.1.showIf", "builder.errors.showIfAlwaysShown"]);
    // The same birth date without a condition, in the first section, is kept and stored unconditioned.
    const kept = campaignDefinitionSchema.parse({ ...values, sections: [{ ...first!, questions: [...first!.questions, birth] }, second!] });
    await saveCampaignDefinition(owner, campaignId, kept);
    const q = await questionsByLabel();
    expect(q["Date de naissance"]!.showIf).toBeNull();
    expect(q[email.label]!.showIf).toBeNull();
    // Back as it was for the tests that follow.
    await saveCampaignDefinition(owner, campaignId, campaignDefinitionSchema.parse(values));
  });

  it("never stores what was sent for a hidden question, and requires a shown one", async () => {
    const { submitResponse } = await import("@/lib/submission/submit");
    const { Invalid } = await import("@/lib/errors");
    const q = await questionsByLabel();
    const owns = q["Avez-vous un poêle ?"]!.id;
    const fuel = q["Combustible"]!;
    const brand = q["Marque"]!.id;
    const name = { [q["Prénom"]!.id]: "Jeanne" };
    // "Non": the fuel and the brand were not shown; their forged answers are dropped.
    const hidden = await submitResponse({ slug, data: { answers: { ...name, [owns]: "no", [fuel.id]: fuel.options[0]!.id, [brand]: "Forgée" } } }, { fillMs: 5000 });
    // "Oui" + "Granulés" + brand: all shown, all stored.
    const shown = await submitResponse({ slug, data: { answers: { ...name, [owns]: "yes", [fuel.id]: fuel.options[0]!.id, [brand]: "Mcz" } } }, { fillMs: 5000 });
    // "Oui" + "Bois": the brand's section is hidden, so its required question is not required.
    await submitResponse({ slug, data: { answers: { ...name, [owns]: "yes", [fuel.id]: fuel.options[1]!.id } } }, { fillMs: 5000 });
    // "Oui" without a fuel: shown and required.
    await expect(submitResponse({ slug, data: { answers: { ...name, [owns]: "yes" } } }, { fillMs: 5000 })).rejects.toBeInstanceOf(Invalid);

    const { db } = await import("@/lib/db");
    const answers = await db.answer.findMany({ where: { responseId: hidden.responseId }, select: { questionId: true } });
    expect(answers.map((a) => a.questionId).sort()).toEqual([owns, q["Prénom"]!.id].sort());
    const response = await db.response.findUniqueOrThrow({ where: { id: hidden.responseId } });
    expect(JSON.parse(response.data)).toEqual({ ...name, [owns]: "no" });
    expect(await db.answer.count({ where: { responseId: shown.responseId } })).toBe(4);
  });

  it("counts as respondents of a question only the entries that saw it", async () => {
    const analytics = await import("@/lib/analytics/queries");
    const campaign = await analytics.getAnalyticsCampaign(owner.organisationId, campaignId);
    const charts = await analytics.questionCharts(campaign, {}, 3, "wide");
    const byLabel = Object.fromEntries(charts.map((c) => [c.label, c]));
    expect(byLabel["Avez-vous un poêle ?"]).toMatchObject({ respondents: 3, seen: null, unanswered: 0 });
    expect(byLabel["Combustible"]).toMatchObject({ respondents: 2, seen: 2, unanswered: 0 });
  });

  it("copies conditions onto the copy's own questions and options", async () => {
    const { duplicateCampaign } = await import("@/lib/campaigns/queries");
    const { db } = await import("@/lib/db");
    const copy = await duplicateCampaign(owner, campaignId);
    const questions = await db.question.findMany({ where: { campaignId: copy.id }, include: { options: { orderBy: { position: "asc" } } } });
    const byLabel = Object.fromEntries(questions.map((q) => [q.label, q]));
    expect(JSON.parse(byLabel["Combustible"]!.showIf!)).toEqual({ questionId: byLabel["Avez-vous un poêle ?"]!.id, anyOf: ["yes"] });
    const section = await db.section.findFirstOrThrow({ where: { campaignId: copy.id, title: "Granulés" } });
    expect(JSON.parse(section.showIf!)).toEqual({ questionId: byLabel["Combustible"]!.id, anyOf: [byLabel["Combustible"]!.options[0]!.id] });
  });
});
