import { describe, expect, it } from "vitest";
import { useFreshDatabase } from "../test-db";
import type { CampaignDefinitionInput } from "@/lib/campaigns/definition";
import { TEMPLATE_IDS, type TemplateId } from "@/lib/campaigns/templates";
import { owner } from "./entry-fixtures";

// Templates at creation: each one, once the marketer enters what only they know
// (the prize, the reward's link; dates default to the next 30 days), passes every
// publish check and publishes; the builder's schema accepts it as created.

useFreshDatabase();

const missing: Record<TemplateId, string[]> = {
  PELLET_STOVE_CONTEST: ["checks.prize"],
  WHITE_PAPER: ["checks.reward"],
  SATISFACTION_SURVEY: [],
};
const entered: Record<TemplateId, Partial<CampaignDefinitionInput>> = {
  PELLET_STOVE_CONTEST: { prize: "Un poêle à granulés 8 kW, pose comprise" },
  WHITE_PAPER: { rewardUrl: "https://example.test/livre-blanc.pdf" },
  SATISFACTION_SURVEY: {},
};

describe("campaign templates", () => {
  for (const template of TEMPLATE_IDS) {
    it(`${template} is publishable once the prize or the reward is entered`, async () => {
      const { createCampaign, getBuilderData, saveCampaignDefinition, publishCampaign } = await import("@/lib/campaigns/queries");
      const { campaignDefinitionSchema } = await import("@/lib/campaigns/definition");
      const member = await owner(`template-${template.toLowerCase()}@example.test`, "Poêles Durand");
      const { id } = await createCampaign(member, { kind: "SURVEY", title: "Depuis un modèle", template });
      const data = await getBuilderData(member, id);
      expect(data.problems.map((p) => p.key)).toEqual(missing[template]);
      const parsed = campaignDefinitionSchema.safeParse(data.values);
      expect(parsed.success, JSON.stringify(parsed.error?.issues)).toBe(true);
      await saveCampaignDefinition(member, id, campaignDefinitionSchema.parse({ ...data.values, ...entered[template] }));
      expect((await getBuilderData(member, id)).problems).toEqual([]);
      await publishCampaign(member, id);
    });
  }

  it("the pellet-stove contest is the reference case: scored R, F and M questions, a profiling purpose, rules", async () => {
    const { createCampaign, getBuilderData } = await import("@/lib/campaigns/queries");
    const member = await owner("template-reference@example.test", "Poêles Durand");
    const { id } = await createCampaign(member, { kind: "SURVEY", title: "Gagnez un poêle", template: "PELLET_STOVE_CONTEST" });
    const data = await getBuilderData(member, id);
    expect(data.campaign.kind).toBe("CONTEST");
    const questions = data.values.sections.flatMap((s) => s.questions);
    for (const tag of ["R", "F", "M"]) {
      const q = questions.find((x) => x.rfmTag === tag);
      expect(q?.options?.map((o) => o.rfmScore)).toEqual(["5", "4", "3", "2", "1"]);
    }
    expect(data.values.purposes.filter((p) => p.isProfiling)).toHaveLength(1);
    expect(data.values.purposes.filter((p) => p.isRecontact)).toHaveLength(1);
    expect(data.values.rulesText).toContain("Poêles Durand organise un jeu gratuit");
    expect(data.warnings).toEqual([]);
  });
});
