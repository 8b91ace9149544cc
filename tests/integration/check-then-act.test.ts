import { describe, expect, it } from "vitest";
import { useFreshDatabase } from "../test-db";
import { seedCampaign, seedEntry, seedOrganisation } from "./consent-fixtures";
import { seedContest } from "./draw-fixtures";

useFreshDatabase();

// Each check-then-act run many times at once: the outcome must be the one a single writer would give,
// because each is decided by a row lock or a constraint (portable to PostgreSQL), not by the order of requests.
describe("check-then-act under concurrency", () => {
  it("two owners demoting each other at once leave one owner", async () => {
    const { db } = await import("@/lib/db");
    const { changeRole } = await import("@/lib/orgs/queries");
    const org = await seedOrganisation("Owners");
    const users = await Promise.all(
      ["ann", "bob"].map((name) => db.user.create({ data: { email: `${name}@owners.test`, name, passwordHash: "x" } })),
    );
    const memberships = await Promise.all(users.map((u) => db.membership.create({ data: { userId: u.id, organisationId: org.id, role: "OWNER" } })));
    const member = (i: number) => ({ userId: users[i]!.id, email: users[i]!.email, name: users[i]!.name, organisationId: org.id, organisationName: org.name, role: "OWNER" as const });
    const results = await Promise.allSettled([
      changeRole(member(0), { membershipId: memberships[1]!.id, role: "EDITOR" }),
      changeRole(member(1), { membershipId: memberships[0]!.id, role: "EDITOR" }),
    ]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    expect(await db.membership.count({ where: { organisationId: org.id, role: "OWNER" } })).toBe(1);
  });

  it("12 resends at once send the original and 3 resends, no more", async () => {
    const { db } = await import("@/lib/db");
    const { resendConfirmation } = await import("@/lib/optin/resend");
    const { RESENDS_PER_HOUR } = await import("@/lib/optin/resend-policy");
    const seeded = await seedCampaign((await seedOrganisation("Resend")).id);
    const { response } = await seedEntry(seeded);
    const results = await Promise.allSettled(Array.from({ length: 12 }, () => resendConfirmation(response.id)));
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1 + RESENDS_PER_HOUR);
    expect(await db.optInToken.count({ where: { responseId: response.id } })).toBe(1 + RESENDS_PER_HOUR);
  });

  it("notifying the winners twice at once queues one set of mails", async () => {
    const { db } = await import("@/lib/db");
    const { performDraw } = await import("@/lib/draw/queries");
    const { closeCampaignNow } = await import("@/lib/campaigns/queries");
    const { notifyWinners, winnersNotified } = await import("@/lib/draw/notify");
    const s = await seedContest("notify", ["a", "b", "c"].map((x) => ({ email: `${x}@notify.test`, confirmed: true })));
    await closeCampaignNow(s.member, s.campaign.id);
    const { drawId } = await performDraw(s.member, s.campaign.id);
    expect(await winnersNotified(s.member.organisationId, drawId)).toBe(false);
    const results = await Promise.allSettled(Array.from({ length: 4 }, () => notifyWinners(s.member, s.campaign.id, drawId)));
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    expect(await db.outboxMail.count({ where: { kind: "draw.winner", organisationId: s.member.organisationId } })).toBe(2);
    expect(await winnersNotified(s.member.organisationId, drawId)).toBe(true);
  });

  it("a question or option that holds answers cannot be deleted; deleting an entry or a campaign still takes its answers", async () => {
    const { db } = await import("@/lib/db");
    const s = await seedContest("answers", [{ email: "a@answers.test" }]);
    const question = await db.question.findFirstOrThrow({ where: { campaignId: s.campaign.id, type: "SINGLE_CHOICE" }, include: { options: true } });
    const responseId = Object.values(s.ids)[0]!;
    await db.answer.create({ data: { responseId, campaignId: s.campaign.id, questionId: question.id, optionId: question.options[0]!.id } });
    await expect(db.questionOption.delete({ where: { id: question.options[0]!.id } })).rejects.toMatchObject({ code: "P2003" });
    await expect(db.question.delete({ where: { id: question.id } })).rejects.toMatchObject({ code: "P2003" });
    expect(await db.answer.count({ where: { questionId: question.id } })).toBe(1);
    await db.response.delete({ where: { id: responseId } });
    expect(await db.answer.count({ where: { questionId: question.id } })).toBe(0);
    // A campaign (without ledger rows, which are kept for ever) goes with its questions and answers.
    const bare = (await seedCampaign(s.member.organisationId)).campaign;
    const section = await db.section.create({ data: { campaignId: bare.id, position: 0 } });
    const q = await db.question.create({ data: { campaignId: bare.id, sectionId: section.id, position: 0, type: "SHORT_TEXT", label: "Q" } });
    const r = await db.response.create({ data: { campaignId: bare.id, submittedAt: new Date() } });
    await db.answer.create({ data: { responseId: r.id, campaignId: bare.id, questionId: q.id, valueText: "x" } });
    await db.campaign.delete({ where: { id: bare.id } });
    expect(await db.answer.count({ where: { campaignId: bare.id } })).toBe(0);
  });

  it("campaigns created at once with the same title each get a free slug", async () => {
    const { createCampaign } = await import("@/lib/campaigns/queries");
    const { db } = await import("@/lib/db");
    const s = await seedContest("slugs", []);
    const created = await Promise.all(Array.from({ length: 6 }, () => createCampaign(s.member, { kind: "SURVEY", title: "Même titre" })));
    const slugs = await db.campaign.findMany({ where: { id: { in: created.map((c) => c.id) } }, select: { slug: true } });
    expect(new Set(slugs.map((c) => c.slug)).size).toBe(6);
  });
});
