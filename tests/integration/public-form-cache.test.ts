import { describe, expect, it } from "vitest";
import { useFreshDatabase } from "../test-db";
import { seedCampaign, seedOrganisation } from "./consent-fixtures";

useFreshDatabase();

describe("the public form's cache", () => {
  it("a public read during a builder save never keeps serving the old form after the save", async () => {
    const { db } = await import("@/lib/db");
    const { loadForSubmission } = await import("@/lib/submission/load");
    const org = await seedOrganisation("Cache");
    const { campaign } = await seedCampaign(org.id);
    const section = await db.section.create({ data: { campaignId: campaign.id, position: 0 } });
    const question = await db.question.create({ data: { campaignId: campaign.id, sectionId: section.id, position: 0, type: "SHORT_TEXT", label: "Old label" } });
    const labelOf = async () => (await loadForSubmission(campaign.slug)).definition.form.sections[0]!.questions[0]!.label;
    expect(await labelOf()).toBe("Old label");

    let opened!: () => void;
    const open = new Promise<void>((resolve) => (opened = resolve));
    // The builder's save: the campaign first (its updatedAt is the cache's version), then its questions.
    const save = db.$transaction(async (tx) => {
      await tx.campaign.update({ where: { id: campaign.id }, data: { title: "Saved" } });
      opened();
      await new Promise((resolve) => setTimeout(resolve, 80));
      await tx.question.update({ where: { id: question.id }, data: { label: "New label" } });
    });
    await open;
    expect(await labelOf()).toBe("Old label");
    await save;
    expect(await labelOf()).toBe("New label");
  });

  it("two saves within one second have different versions, whatever type the driver returns", async () => {
    const { cacheVersion } = await import("@/lib/submission/load");
    const org = new Date("2026-12-01T10:00:00.000Z");
    const first = cacheVersion({ updatedAt: new Date("2026-12-01T10:00:05.100Z"), organisationUpdatedAt: org });
    const second = cacheVersion({ updatedAt: new Date("2026-12-01T10:00:05.900Z"), organisationUpdatedAt: org });
    expect(first).not.toBe(second);
    expect(cacheVersion({ updatedAt: "2026-12-01T10:00:05.100+00:00", organisationUpdatedAt: "2026-12-01T10:00:00.000+00:00" })).toBe(first);
  });
});
