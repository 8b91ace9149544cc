import { beforeAll, describe, expect, it } from "vitest";
import { useFreshDatabase } from "../test-db";

// `npm run demo` shows the rules it seeds: a profiling purpose whose consent
// alone brings scores.

useFreshDatabase();

let organisationId: string;
let campaignId: string;

beforeAll(async () => {
  const { createAccount } = await import("@/lib/auth/sign-up");
  const { seedDemoExtras, DEMO_SLUG } = await import("../../scripts/demo-extras");
  const { db } = await import("@/lib/db");
  organisationId = (await createAccount({ name: "Camille", organisationName: "Poêles Durand", email: "demo@example.test", password: "x".repeat(12) })).organisationId;
  await seedDemoExtras(organisationId);
  campaignId = (await db.campaign.findUniqueOrThrow({ where: { slug: DEMO_SLUG } })).id;
}, 120_000);

describe("the demo", () => {
  it("scores only the entries whose profiling consent counts", async () => {
    const { db } = await import("@/lib/db");
    const { profilingConsentCounts } = await import("@/lib/rfm/profiling");
    const profiling = await db.purpose.findFirstOrThrow({ where: { campaignId, isProfiling: true } });
    const responses = await db.response.findMany({ where: { campaignId, status: "ACCEPTED" }, select: { segment: true, contactId: true } });
    const ledger = await db.consentRecord.findMany({ where: { purposeId: profiling.id }, select: { id: true, contactId: true, purposeId: true, action: true, createdAt: true } });
    let scored = 0;
    for (const r of responses) {
      const counts = profilingConsentCounts(ledger.filter((l) => l.contactId === r.contactId), profiling.id);
      expect(r.segment !== null, `segment of a contact whose consent counts: ${counts}`).toBe(counts);
      if (r.segment) scored += 1;
    }
    expect(scored).toBeGreaterThan(20);
    expect(scored).toBeLessThan(responses.length / 2);
    // The scored campaign is the demo organisation's own.
    expect((await db.campaign.findUniqueOrThrow({ where: { id: campaignId } })).organisationId).toBe(organisationId);
  });

  it("seeds an English lead magnet with a birth-date question in which children's boxes wait for a parent", async () => {
    const { db } = await import("@/lib/db");
    const { KIDS_SLUG } = await import("../../scripts/demo-kids");
    const kids = await db.campaign.findUniqueOrThrow({ where: { slug: KIDS_SLUG }, include: { questions: true } });
    expect(kids).toMatchObject({ organisationId, kind: "LEAD_MAGNET", locale: "en", status: "PUBLISHED", minorPolicy: "PARENTAL_CONSENT" });
    expect(kids.questions.some((q) => q.type === "BIRTH_DATE")).toBe(true);
    const ledgerOf = async (email: string) => db.consentRecord.findMany({ where: { contact: { email } }, select: { action: true, method: true } });
    expect(await ledgerOf("noah.k@example.com")).toEqual([{ action: "GRANT", method: "PARENTAL_OPT_IN" }]);
    expect(await ledgerOf("mia.w@example.com")).toEqual([]);
    expect(await ledgerOf("olivia.parker@example.com")).toEqual([{ action: "GRANT", method: "CHECKBOX" }]);
    expect(await db.parentalConsent.count({ where: { response: { campaignId: kids.id } } })).toBe(2);
  });
});
