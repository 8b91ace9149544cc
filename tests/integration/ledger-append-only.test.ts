import { beforeAll, describe, expect, it } from "vitest";
import { useFreshDatabase } from "../test-db";
import { seedCampaign, seedEntry, seedOrganisation } from "./consent-fixtures";
import { expectRefusedByDatabase } from "./database-errors";

// The consent ledger is append-only at the database: whatever code runs (ORM, raw SQL, a future module),
// a record is never deleted and never changed except by the erasure update, which blanks the request
// metadata and ties the record to the suppression hash, and changes nothing else.

useFreshDatabase();

const APPEND_ONLY = /ConsentRecord is append-only/;

describe("the consent ledger at the database", () => {
  let seeded: Awaited<ReturnType<typeof seedCampaign>>;
  beforeAll(async () => {
    seeded = await seedCampaign((await seedOrganisation("Ledger")).id);
  });

  async function aRecord() {
    const { db } = await import("@/lib/db");
    const { contact } = await seedEntry(seeded);
    return db.consentRecord.findFirstOrThrow({ where: { contactId: contact.id } });
  }

  it("refuses to delete a record, through the ORM or in plain SQL", async () => {
    const { db } = await import("@/lib/db");
    const record = await aRecord();
    await expectRefusedByDatabase(db.consentRecord.delete({ where: { id: record.id } }), APPEND_ONLY);
    await expectRefusedByDatabase(db.consentRecord.deleteMany({ where: { contactId: record.contactId } }), APPEND_ONLY);
    await expectRefusedByDatabase(db.$executeRawUnsafe(`DELETE FROM "ConsentRecord" WHERE "id" = '${record.id}'`), APPEND_ONLY);
    expect(await db.consentRecord.count({ where: { id: record.id } })).toBe(1);
  });

  it("refuses to change any proof column, even within an erasure-shaped update", async () => {
    const { db } = await import("@/lib/db");
    const record = await aRecord();
    const erasure = { userAgent: "", ipHash: "", pageUrl: "", subjectHash: "a".repeat(64) };
    const changes = {
      wording: "Une autre formulation",
      wordingHash: "b".repeat(64),
      action: "WITHDRAW",
      method: "ADMIN",
      campaignId: "another",
      responseId: "another",
      utmSource: "another",
      actorUserId: "someone",
      createdAt: new Date("2020-01-01T00:00:00Z"),
    };
    for (const [column, value] of Object.entries(changes)) {
      await expectRefusedByDatabase(db.consentRecord.update({ where: { id: record.id }, data: { [column]: value } }), APPEND_ONLY, column);
      await expectRefusedByDatabase(db.consentRecord.update({ where: { id: record.id }, data: { ...erasure, [column]: value } }), APPEND_ONLY, `${column} with erasure`);
    }
    await expectRefusedByDatabase(db.$executeRawUnsafe(`UPDATE "ConsentRecord" SET "wording" = 'x' WHERE "id" = '${record.id}'`), APPEND_ONLY);
    expect(await db.consentRecord.findUniqueOrThrow({ where: { id: record.id } })).toEqual(record);
  });

  it("allows the erasure update once, and nothing after it but the same update again", async () => {
    const { db } = await import("@/lib/db");
    const { tieLedgerToSubjectHash } = await import("@/lib/consent/ledger-erasure");
    const record = await aRecord();
    const hash = "c".repeat(64);
    expect(await db.$transaction((tx) => tieLedgerToSubjectHash(tx, record.contactId, hash))).toBe(1);
    const erased = await db.consentRecord.findUniqueOrThrow({ where: { id: record.id } });
    expect(erased).toEqual({ ...record, userAgent: "", ipHash: "", pageUrl: "", subjectHash: hash });
    // Repeating it is a no-op; another hash, or metadata coming back, is refused.
    expect(await db.$transaction((tx) => tieLedgerToSubjectHash(tx, record.contactId, hash))).toBe(1);
    await expectRefusedByDatabase(db.$transaction((tx) => tieLedgerToSubjectHash(tx, record.contactId, "d".repeat(64))), APPEND_ONLY);
    await expectRefusedByDatabase(db.consentRecord.update({ where: { id: record.id }, data: { userAgent: "Mozilla/5.0" } }), APPEND_ONLY);
    // Blank metadata without a subject hash is no erasure either.
    const other = await aRecord();
    await expectRefusedByDatabase(db.consentRecord.update({ where: { id: other.id }, data: { userAgent: "", ipHash: "", pageUrl: "" } }), APPEND_ONLY);
  });
});
