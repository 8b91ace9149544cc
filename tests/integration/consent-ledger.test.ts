import { beforeAll, describe, expect, it } from "vitest";
import { useFreshDatabase as freshDatabase } from "../test-db";
import { seedCampaign, seedEntry, seedOrganisation } from "./consent-fixtures";
import { expectRefusedByDatabase } from "./database-errors";

freshDatabase();

describe("the consent ledger on a real database", () => {
  let seeded: Awaited<ReturnType<typeof seedCampaign>>;
  let otherOrg: string;
  beforeAll(async () => {
    seeded = await seedCampaign((await seedOrganisation("A")).id);
    otherOrg = (await seedOrganisation("B")).id;
  });

  it("refuses to update or delete a record (append-only)", async () => {
    const { db } = await import("@/lib/db");
    const { contact } = await seedEntry(seeded);
    const record = await db.consentRecord.findFirstOrThrow({ where: { contactId: contact.id } });
    await expectRefusedByDatabase(db.consentRecord.update({ where: { id: record.id }, data: { action: "WITHDRAW" } }), /ConsentRecord is append-only/);
    await expectRefusedByDatabase(db.consentRecord.delete({ where: { id: record.id } }), /ConsentRecord is append-only/);
    await expectRefusedByDatabase(db.$executeRawUnsafe(`DELETE FROM "ConsentRecord"`), /ConsentRecord is append-only/);
    expect((await db.consentRecord.findUniqueOrThrow({ where: { id: record.id } })).action).toBe("GRANT");
  });

  it("derives the same current consent in SQL as in TypeScript", async () => {
    const { db } = await import("@/lib/db");
    const { consentsNow, consentingContactsSql } = await import("@/lib/consent/current");
    const orgId = seeded.campaign.organisationId;
    const base = { organisationId: orgId, purposeId: seeded.purpose.id, purposeVersionId: seeded.version.id, wording: seeded.version.wording, wordingHash: seeded.version.hash, campaignId: seeded.campaign.id };
    const t0 = new Date("2026-03-01T10:00:00Z");
    const later = (s: number) => new Date(t0.getTime() + s * 1000);
    const plans: Array<Array<["GRANT" | "CONFIRM" | "WITHDRAW", number]>> = [
      [["GRANT", 0]],
      [["GRANT", 0], ["CONFIRM", 5]],
      [["GRANT", 0], ["WITHDRAW", 5]],
      [["GRANT", 0], ["WITHDRAW", 5], ["GRANT", 9]],
      [["GRANT", 3], ["WITHDRAW", 3]], // same instant: withdrawal wins
      [["WITHDRAW", 3], ["CONFIRM", 3]],
    ];
    const expected = { confirmed: new Set<string>(), agreed: new Set<string>() };
    // Exact instants, including ties, through createMany with explicit dates.
    for (const plan of plans) {
      const { contact } = await seedEntry(seeded, { grant: false });
      await db.consentRecord.createMany({ data: plan.map(([action, s]) => ({ ...base, contactId: contact.id, action, method: "ADMIN", createdAt: later(s) })) });
      const records = await db.consentRecord.findMany({ where: { contactId: contact.id } });
      if (consentsNow(records, seeded.purpose.id)) expected.confirmed.add(contact.id);
      if (consentsNow(records, seeded.purpose.id, { confirmedOnly: false })) expected.agreed.add(contact.id);
    }
    for (const confirmedOnly of [true, false]) {
      const rows = await db.$queryRaw<Array<{ contactId: string }>>(consentingContactsSql(orgId, seeded.purpose.id, { confirmedOnly }));
      const fromSql = new Set(rows.map((r) => r.contactId));
      const planContacts = await db.contact.findMany({ where: { organisationId: orgId }, select: { id: true } });
      for (const { id } of planContacts) {
        const records = await db.consentRecord.findMany({ where: { contactId: id } });
        expect(fromSql.has(id), id).toBe(consentsNow(records, seeded.purpose.id, { confirmedOnly }));
      }
    }
    // Only a grant confirmed after the last withdrawal counts; three plans end agreeing.
    expect(expected.confirmed.size).toBe(1);
    expect(expected.agreed.size).toBe(3);
    // Another organisation sees nothing of this one.
    expect(await db.$queryRaw<unknown[]>(consentingContactsSql(otherOrg, seeded.purpose.id))).toHaveLength(0);
  });

  it("lists, filters and scopes the ledger by organisation", async () => {
    const { listLedger, contactLedger } = await import("@/lib/consent/queries");
    const { contact, email } = await seedEntry(seeded, { email: "findme@example.test" });
    const mine = await listLedger(seeded.campaign.organisationId, { page: 1, email: "findme" });
    expect(mine.rows.map((r) => r.contact.email)).toEqual([email]);
    expect((await listLedger(seeded.campaign.organisationId, { page: 1, action: "WITHDRAW", email: "findme" })).total).toBe(0);
    expect((await listLedger(otherOrg, { page: 1 })).total).toBe(0);
    expect(await contactLedger(otherOrg, contact.id)).toHaveLength(0);
    expect(await contactLedger(seeded.campaign.organisationId, contact.id)).toHaveLength(1);
  });
});
