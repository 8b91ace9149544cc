import { beforeAll, describe, expect, it } from "vitest";
import { useFreshDatabase } from "../test-db";
import { Closed, Invalid, NotFound } from "@/lib/errors";
import type { Member } from "@/lib/auth/session";
import type { CampaignDefinitionInput } from "@/lib/campaigns/definition";

useFreshDatabase();

let owner: Member;
let stranger: Member;
let campaignId: string;
let slug: string;

async function member(email: string, org: string): Promise<Member> {
  const { createAccount } = await import("@/lib/auth/sign-up");
  const a = await createAccount({ name: "M", organisationName: org, email, password: "x".repeat(12) });
  return { userId: a.userId, email, name: "M", organisationId: a.organisationId, organisationName: org, role: "OWNER" };
}

async function definition(): Promise<CampaignDefinitionInput> {
  const { getBuilderData } = await import("@/lib/campaigns/queries");
  const { values } = await getBuilderData(owner, campaignId);
  const { toZonedInput } = await import("@/lib/time-zone");
  return {
    ...values,
    opensAt: toZonedInput(new Date(Date.now() - 3_600_000), values.timeZone),
    prize: "Un poêle à granulés",
    rulesText: "Règlement du jeu.",
    sections: [
      {
        ...values.sections[0]!,
        questions: [
          ...values.sections[0]!.questions,
          { type: "PHONE", label: "Téléphone", required: false },
          {
            type: "SINGLE_CHOICE",
            label: "Dernier achat de granulés",
            required: true,
            rfmTag: "R",
            options: [
              { label: "Ce mois-ci", rfmScore: 5 },
              { label: "Cette année", rfmScore: 3 },
              { label: "Jamais", rfmScore: 1 },
            ],
          },
          { type: "SCALE", label: "Satisfaction", required: false },
        ],
      },
    ],
  };
}

async function save(values: CampaignDefinitionInput) {
  const { campaignDefinitionSchema } = await import("@/lib/campaigns/definition");
  const { saveCampaignDefinition } = await import("@/lib/campaigns/queries");
  await saveCampaignDefinition(owner, campaignId, campaignDefinitionSchema.parse(values));
}

async function entry(email: string, extra: Record<string, unknown> = {}) {
  const { db } = await import("@/lib/db");
  const questions = await db.question.findMany({ where: { campaignId }, include: { options: { orderBy: { position: "asc" } } }, orderBy: { position: "asc" } });
  const purposes = await db.purpose.findMany({ where: { campaignId } });
  const byType = (t: string) => questions.find((q) => q.type === t)!;
  return {
    answers: { [byType("FIRST_NAME").id]: "Jeanne", [byType("EMAIL").id]: email, [byType("SINGLE_CHOICE").id]: byType("SINGLE_CHOICE").options[0]!.id, [byType("SCALE").id]: 9 },
    consents: { [purposes[0]!.id]: true },
    rulesAccepted: true,
    context: { utmSource: "qr", pageUrl: `http://localhost/f/${slug}` },
    ...extra,
  };
}

beforeAll(async () => {
  owner = await member("owner@example.test", "Poêles Test");
  stranger = await member("other@example.test", "Autre");
  const { createCampaign, getCampaignForMember } = await import("@/lib/campaigns/queries");
  campaignId = (await createCampaign(owner, { kind: "CONTEST", title: "Gagnez un poêle" })).id;
  slug = (await getCampaignForMember(owner, campaignId)).slug;
});

describe("campaigns and the submission service on a real database", () => {
  it("hides a campaign from another organisation", async () => {
    const { getCampaignForMember, getBuilderData } = await import("@/lib/campaigns/queries");
    await expect(getCampaignForMember(stranger, campaignId)).rejects.toThrow(NotFound);
    await expect(getBuilderData(stranger, campaignId)).rejects.toThrow(NotFound);
  });

  it("refuses to publish while the contest has no prize or rules, then publishes", async () => {
    const { publishCampaign } = await import("@/lib/campaigns/queries");
    await expect(publishCampaign(owner, campaignId)).rejects.toMatchObject({ problems: expect.arrayContaining([expect.objectContaining({ key: "checks.prize" })]) });
    await save(await definition());
    await publishCampaign(owner, campaignId);
  });

  it("does not accept entries for an unknown or unpublished form", async () => {
    const { submitResponse } = await import("@/lib/submission/submit");
    await expect(submitResponse({ slug: "nope", data: {} })).rejects.toThrow(NotFound);
  });

  it("writes contact, response, answers, scores and consent grants in one go", async () => {
    const { submitResponse } = await import("@/lib/submission/submit");
    const { db } = await import("@/lib/db");
    const result = await submitResponse({ slug, data: await entry(" Jeanne.Martin@Exemple.fr ") }, { ip: "203.0.113.9", userAgent: "vitest", fillMs: 5000 });
    expect(result.status).toBe("ACCEPTED");
    const response = await db.response.findUniqueOrThrow({ where: { id: result.responseId }, include: { contact: true, answers: true } });
    expect(response.contact?.email).toBe("jeanne.martin@exemple.fr");
    expect(response.contact?.firstName).toBe("Jeanne");
    expect(response.dedupeKey).toBe("jeanne.martin@exemple.fr");
    expect(response.rScore).toBe(5);
    expect(response.utmSource).toBe("qr");
    expect(response.ipHash).toMatch(/^[0-9a-f]{32}$/);
    expect(response.answers.some((a) => a.optionId)).toBe(true);
    expect(response.answers.filter((a) => a.valueNumber === 9)).toHaveLength(1);
    const grants = await db.consentRecord.findMany({ where: { responseId: result.responseId } });
    expect(grants).toHaveLength(1);
    expect(grants[0]).toMatchObject({ action: "GRANT", method: "CHECKBOX", utmSource: "qr", userAgent: "vitest" });
    expect(grants[0]!.wording).toContain("Recevoir les offres commerciales");
  });

  it("stores no second entry with the same address, even in another case or with a +tag (and says nothing of it)", async () => {
    const { submitResponse } = await import("@/lib/submission/submit");
    const { db } = await import("@/lib/db");
    const result = await submitResponse({ slug, data: await entry("JEANNE.MARTIN+bis@exemple.fr") });
    expect(result.status).toBe("REPEAT");
    expect(await db.response.findUnique({ where: { id: result.responseId } })).toBeNull();
    expect(await db.response.count({ where: { campaignId, dedupeKey: "jeanne.martin@exemple.fr" } })).toBe(1);
  });

  it("turns two simultaneous entries of one address into one entry and one repeat", async () => {
    const { submitResponse } = await import("@/lib/submission/submit");
    const { db } = await import("@/lib/db");
    const data = await entry("twice@exemple.fr");
    const results = await Promise.all([submitResponse({ slug, data }), submitResponse({ slug, data })]);
    expect(results.map((r) => r.status).sort()).toEqual(["ACCEPTED", "REPEAT"]);
    expect(await db.response.count({ where: { campaignId, dedupeKey: "twice@exemple.fr" } })).toBe(1);
  });

  it("stores honeypot and too-fast entries as rejected, without contact or consent", async () => {
    const { submitResponse } = await import("@/lib/submission/submit");
    const { db } = await import("@/lib/db");
    const bot = await submitResponse({ slug, data: await entry("bot@exemple.fr", { website: "http://spam" }) }, { fillMs: 5000 });
    const fast = await submitResponse({ slug, data: await entry("fast@exemple.fr") }, { fillMs: 300 });
    for (const [r, reason] of [[bot, "honeypot"], [fast, "too-fast"]] as const) {
      expect(r.status).toBe("REJECTED");
      const row = await db.response.findUniqueOrThrow({ where: { id: r.responseId } });
      expect(row).toMatchObject({ status: "REJECTED", rejectReason: reason, dedupeKey: null, contactId: null });
      expect(await db.consentRecord.count({ where: { responseId: r.responseId } })).toBe(0);
    }
    expect(await db.contact.count({ where: { email: "bot@exemple.fr" } })).toBe(0);
  });

  it("counts on the campaign page the accepted entries that statistics and leads count, and the rejected ones apart", async () => {
    const { getBuilderData } = await import("@/lib/campaigns/queries");
    const { db } = await import("@/lib/db");
    const accepted = await db.response.count({ where: { campaignId, status: "ACCEPTED" } });
    expect(accepted).toBeGreaterThan(0);
    // The two rejected entries of the test above (honeypot, too fast) are not among the responses shown.
    expect((await getBuilderData(owner, campaignId)).responses).toEqual({ accepted, rejected: 2, total: accepted + 2 });
  });

  it("refuses forged purposes and wrong types with field errors, writing nothing", async () => {
    const { submitResponse } = await import("@/lib/submission/submit");
    const { db } = await import("@/lib/db");
    const before = await db.response.count();
    const forged = await entry("forged@exemple.fr");
    await expect(submitResponse({ slug, data: { ...forged, consents: { ...forged.consents, "not-a-purpose": true } } })).rejects.toThrow(Invalid);
    await expect(submitResponse({ slug, data: { ...forged, answers: "nope" } })).rejects.toThrow(Invalid);
    expect(await db.response.count()).toBe(before);
  });

  it("creates a new wording version when a published purpose is edited", async () => {
    const { db } = await import("@/lib/db");
    const { getBuilderData } = await import("@/lib/campaigns/queries");
    const current = (await getBuilderData(owner, campaignId)).values;
    await save({ ...current, purposes: [{ ...current.purposes[0]!, wording: "Recevoir nos offres et nos conseils par e-mail" }] });
    const versions = await db.purposeVersion.findMany({ where: { purposeId: current.purposes[0]!.id }, orderBy: { version: "asc" } });
    expect(versions.map((v) => v.version)).toEqual([1, 2]);
    expect(versions[0]!.wording).toContain("offres commerciales");
    expect(versions[1]!.wording).toBe("Recevoir nos offres et nos conseils par e-mail");
  });

  it("refuses to delete a question that already has answers", async () => {
    const { getBuilderData } = await import("@/lib/campaigns/queries");
    const current = (await getBuilderData(owner, campaignId)).values;
    const questions = current.sections[0]!.questions.filter((q) => q.type !== "SCALE");
    await expect(save({ ...current, sections: [{ ...current.sections[0]!, questions }] })).rejects.toThrow(Invalid);
  });

  it("refuses entries once closed by hand", async () => {
    const { closeCampaignNow } = await import("@/lib/campaigns/queries");
    const { submitResponse } = await import("@/lib/submission/submit");
    await closeCampaignNow(owner, campaignId);
    await expect(submitResponse({ slug, data: await entry("late@exemple.fr") })).rejects.toThrow(Closed);
  });

  it("duplicates a campaign as a draft without responses", async () => {
    const { duplicateCampaign, getBuilderData } = await import("@/lib/campaigns/queries");
    const { db } = await import("@/lib/db");
    const { id } = await duplicateCampaign(owner, campaignId);
    const copy = await getBuilderData(owner, id);
    expect(copy.campaign.status).toBe("DRAFT");
    expect(copy.campaign.closedManuallyAt).toBeNull();
    expect(copy.values.sections[0]!.questions.map((q) => q.type)).toContain("SINGLE_CHOICE");
    expect(await db.response.count({ where: { campaignId: id } })).toBe(0);
  });

  it("counts views per campaign, hour and source without cookies", async () => {
    const { countView, flushViews } = await import("@/lib/campaigns/views");
    const { db } = await import("@/lib/db");
    const at = new Date("2026-11-23T10:15:00Z");
    countView(campaignId, "qr", at);
    countView(campaignId, "qr", at);
    countView(campaignId, "", at);
    countView("deleted-campaign", "", at);
    await flushViews();
    countView(campaignId, "qr", at);
    await flushViews();
    const rows = await db.viewCount.findMany({ where: { campaignId }, orderBy: { utmSource: "asc" } });
    expect(rows.map((r) => [r.utmSource, r.count, r.hour.toISOString()])).toEqual([
      ["", 1, "2026-11-23T10:00:00.000Z"],
      ["qr", 3, "2026-11-23T10:00:00.000Z"],
    ]);
  });

  it("answers 'closed' for an archived campaign that was public, and 'not found' for an archived draft", async () => {
    const { archiveCampaign, createCampaign, getCampaignForMember } = await import("@/lib/campaigns/queries");
    const { submitResponse } = await import("@/lib/submission/submit");
    const { findPublishedCampaign } = await import("@/lib/submission/load");
    await archiveCampaign(owner, campaignId);
    await expect(submitResponse({ slug, data: await entry("archived@exemple.fr") })).rejects.toThrow(Closed);
    expect((await findPublishedCampaign(slug))?.status).toBe("ARCHIVED");
    const draft = await createCampaign(owner, { kind: "SURVEY", title: "Brouillon archivé" });
    await archiveCampaign(owner, draft.id);
    const draftSlug = (await getCampaignForMember(owner, draft.id)).slug;
    expect(await findPublishedCampaign(draftSlug)).toBeNull();
    await expect(submitResponse({ slug: draftSlug, data: {} })).rejects.toThrow(NotFound);
  });
});
