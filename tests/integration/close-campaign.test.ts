import { describe, expect, it } from "vitest";
import { useFreshDatabase } from "../test-db";
import { Invalid, NotFound } from "@/lib/errors";
import { seedContest } from "./draw-fixtures";

// Closing a campaign now has one rule (lib/campaigns/queries.ts, used by the builder and the draw page):
// only a published campaign whose entry window is open can be closed, once.

useFreshDatabase();

const DAY = 86_400_000;

async function state(campaignId: string) {
  const { db } = await import("@/lib/db");
  const campaign = await db.campaign.findUniqueOrThrow({ where: { id: campaignId }, select: { status: true, closedManuallyAt: true } });
  const audits = await db.auditLog.count({ where: { action: "campaign.close", targetId: campaignId } });
  return { ...campaign, audits };
}

describe("closeCampaignNow", () => {
  it("closes a published, open campaign at once and logs it", async () => {
    const { closeCampaignNow } = await import("@/lib/campaigns/queries");
    const { windowState } = await import("@/lib/campaigns/time-window");
    const { db } = await import("@/lib/db");
    const s = await seedContest("open", []);
    await closeCampaignNow(s.member, s.campaign.id);
    const after = await db.campaign.findUniqueOrThrow({ where: { id: s.campaign.id } });
    expect(windowState(after)).toBe("CLOSED");
    expect((await state(s.campaign.id)).audits).toBe(1);
  });

  for (const [label, data, error] of [
    ["a draft", { status: "DRAFT" }, "draw.errors.draft"],
    ["an archived campaign", { status: "ARCHIVED" }, "builder.errors.archived"],
    ["a campaign not open yet", { opensAt: new Date(Date.now() + DAY), closesAt: new Date(Date.now() + 2 * DAY) }, "draw.errors.notOpenYet"],
    ["a campaign past its closing date", { opensAt: new Date(Date.now() - 2 * DAY), closesAt: new Date(Date.now() - DAY) }, "draw.errors.alreadyClosed"],
    ["a campaign closed by hand already", { closedManuallyAt: new Date(Date.now() - 60_000) }, "draw.errors.alreadyClosed"],
  ] as const) {
    it(`refuses ${label}, changing nothing`, async () => {
      const { closeCampaignNow } = await import("@/lib/campaigns/queries");
      const { db } = await import("@/lib/db");
      const s = await seedContest(`refused-${label.replace(/\W+/g, "-")}`, []);
      await db.campaign.update({ where: { id: s.campaign.id }, data });
      const before = await state(s.campaign.id);
      const refused = closeCampaignNow(s.member, s.campaign.id);
      await expect(refused).rejects.toBeInstanceOf(Invalid);
      await expect(refused).rejects.toThrow(error);
      expect(await state(s.campaign.id)).toEqual(before);
    });
  }

  it("answers not found for another organisation's campaign", async () => {
    const { closeCampaignNow } = await import("@/lib/campaigns/queries");
    const mine = await seedContest("mine", []);
    const theirs = await seedContest("theirs", []);
    await expect(closeCampaignNow(mine.member, theirs.campaign.id)).rejects.toBeInstanceOf(NotFound);
    expect(await state(theirs.campaign.id)).toMatchObject({ closedManuallyAt: null, audits: 0 });
  });

  it("closes once when two people click at the same time", async () => {
    const { closeCampaignNow } = await import("@/lib/campaigns/queries");
    const s = await seedContest("twice", []);
    const results = await Promise.allSettled([closeCampaignNow(s.member, s.campaign.id), closeCampaignNow(s.member, s.campaign.id)]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    const refused = results.find((r): r is PromiseRejectedResult => r.status === "rejected");
    expect(refused?.reason).toBeInstanceOf(Invalid);
    expect((refused?.reason as Error).message).toBe("draw.errors.alreadyClosed");
    expect((await state(s.campaign.id)).audits).toBe(1);
  });
});
