import { beforeAll, describe, expect, it } from "vitest";
import { useFreshDatabase as freshDatabase } from "../test-db";
import { seedCampaign, seedEntry, seedOrganisation } from "./consent-fixtures";

freshDatabase();

const DAY = 86_400_000;
const now = new Date("2026-06-01T12:00:00Z");
const ago = (days: number) => new Date(now.getTime() - days * DAY);

describe("retention purge on a seeded database", () => {
  const ids: Record<string, string> = {};
  let orgId = "";
  beforeAll(async () => {
    const { db } = await import("@/lib/db");
    const org = await seedOrganisation("Purge");
    orgId = org.id;
    const contest = await seedCampaign(org.id, { unconfirmedPurgeDays: 30, retentionMonths: 36 });
    const longer = await seedCampaign(org.id, { retentionMonths: 60 });
    // Unconfirmed: one just past the delay, one just before it.
    ids.oldUnconfirmed = (await seedEntry(contest, { submittedAt: ago(30) })).contact.id;
    ids.recentUnconfirmed = (await seedEntry(contest, { submittedAt: new Date(ago(30).getTime() + 1000) })).contact.id;
    // Confirmed and recent: kept.
    ids.confirmed = (await seedEntry(contest, { submittedAt: ago(40), confirmed: true })).contact.id;
    // Confirmed, idle for more than 36 months: anonymised.
    ids.expired = (await seedEntry(contest, { submittedAt: new Date("2023-05-01T00:00:00Z"), confirmed: true })).contact.id;
    // Idle for 37 months but also entered a campaign kept 60 months: kept.
    const both = await seedEntry(contest, { submittedAt: new Date("2023-05-01T00:00:00Z"), confirmed: true });
    await db.response.create({ data: { campaignId: longer.campaign.id, contactId: both.contact.id, submittedAt: new Date("2023-05-01T00:00:00Z"), confirmedAt: new Date("2023-05-01T00:00:00Z") } });
    ids.longRetention = both.contact.id;
    // An unconfirmed entry of a person otherwise confirmed: the entry goes, the person stays.
    const mixed = await seedEntry(contest, { submittedAt: ago(10), confirmed: true });
    const stale = await db.response.create({ data: { campaignId: longer.campaign.id, contactId: mixed.contact.id, submittedAt: ago(45) } });
    ids.mixed = mixed.contact.id;
    ids.staleResponse = stale.id;
  });

  it("deletes and anonymises what expired, keeps the rest and the ledger, and is idempotent", async () => {
    const { db } = await import("@/lib/db");
    const { runPurge } = await import("@/lib/retention/purge");
    const countsBefore = {
      responses: await db.response.count(),
      erased: await db.contact.count({ where: { erasedAt: { not: null } } }),
      ledger: await db.consentRecord.count(),
    };
    // 6 grants, and the CONFIRM of each of the 4 confirmed entries.
    expect(countsBefore).toEqual({ responses: 8, erased: 0, ledger: 10 });

    const report = await runPurge(now);
    expect(report.totals).toEqual({ unconfirmedEntriesDeleted: 2, unconfirmedContactsAnonymised: 1, expiredContactsAnonymised: 1, rejectedEntriesStripped: 0 });

    expect(await db.response.count()).toBe(6);
    expect(await db.response.findUnique({ where: { id: ids.staleResponse! } })).toBeNull();
    const erased = await db.contact.findMany({ where: { erasedAt: { not: null } }, select: { id: true, email: true } });
    expect(erased.map((c) => c.id).sort()).toEqual([ids.oldUnconfirmed, ids.expired].sort());
    expect(erased.every((c) => c.email.startsWith("erased:"))).toBe(true);
    for (const kept of [ids.recentUnconfirmed, ids.confirmed, ids.longRetention, ids.mixed]) {
      expect((await db.contact.findUniqueOrThrow({ where: { id: kept! } })).erasedAt).toBeNull();
    }
    // The ledger only grows: both anonymised contacts had a live consent, now withdrawn by erasure.
    expect(await db.consentRecord.count()).toBe(12);
    expect(await db.consentRecord.count({ where: { method: "ERASURE" } })).toBe(2);
    // Expired contacts who never objected are not put on the suppression list.
    expect(await db.suppression.count()).toBe(0);
    const audit = await db.auditLog.findFirstOrThrow({ where: { organisationId: orgId, action: "retention.purge" } });
    expect(JSON.parse(audit.details)).toMatchObject({ unconfirmedEntriesDeleted: 2, expiredContactsAnonymised: 1 });

    const again = await runPurge(now);
    expect(again.totals).toEqual({ unconfirmedEntriesDeleted: 0, unconfirmedContactsAnonymised: 0, expiredContactsAnonymised: 0, rejectedEntriesStripped: 0 });
    expect(await db.auditLog.count({ where: { action: "retention.purge" } })).toBe(1);
  });
});
