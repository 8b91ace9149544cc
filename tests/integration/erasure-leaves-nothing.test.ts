import fs from "node:fs";
import { beforeAll, describe, expect, it } from "vitest";
import { onPostgres, useFreshDatabase as freshDatabase } from "../test-db";
import { seedCampaign, seedEntry, seedOrganisation } from "./consent-fixtures";

const { file } = freshDatabase();

/** Everything SQLite has on disk for the database, as lower-case text (the search is byte-wise). */
function databaseFiles(): Record<string, string> {
  const out: Record<string, string> = {};
  for (const suffix of ["", "-wal"]) {
    const path = `${file}${suffix}`;
    out[suffix || "db"] = fs.existsSync(path) ? fs.readFileSync(path).toString("latin1").toLowerCase() : "";
  }
  return out;
}

const MARKERS = ["zephyrine.quackenbush", "quackenbush", "zephyrine", "ua-marker-4242", "landing-marker-77", "utm-marker-55", "0698765432"];

describe("erasure leaves nothing personal (SPEC: Erasure leaves nothing personal)", () => {
  let seeded: Awaited<ReturnType<typeof seedCampaign>>;
  let org: Awaited<ReturnType<typeof seedOrganisation>>;
  beforeAll(async () => {
    org = await seedOrganisation("Erasure");
    seeded = await seedCampaign(org.id);
  });

  it.skipIf(onPostgres)("deletes the entry's answers, technical data and scores, re-keys the ledger to the suppression hash, and the files no longer hold the address", async () => {
    const { db } = await import("@/lib/db");
    const { eraseContact } = await import("@/lib/rights/queries");
    const { recordConsents } = await import("@/lib/consent/ledger");
    const { suppressionHash } = await import("@/lib/rights/suppression");
    const { hashIp } = await import("@/lib/request-meta");
    const email = "zephyrine.quackenbush@example.test";
    const { contact, response } = await seedEntry(seeded, { email, confirmed: true });
    await db.contact.update({ where: { id: contact.id }, data: { firstName: "Zephyrine", lastName: "Quackenbush", phone: "0698765432", birthDate: "1990-02-03" } });
    await db.response.update({
      where: { id: response.id },
      data: {
        fillMs: 41_234, utmSource: "utm-marker-55", utmMedium: "print", utmCampaign: "hiver", pageUrl: "https://shop.test/landing-marker-77",
        userAgent: "UA-Marker-4242", ipHash: hashIp("203.0.113.7", org.salt), referrer: "https://ref.test/landing-marker-77", rScore: 5, fScore: 4, mScore: 3, segment: "CHAMPIONS",
        data: JSON.stringify({ q: "Quackenbush family" }),
      },
    });
    const section = await db.section.create({ data: { campaignId: seeded.campaign.id, position: 0 } });
    const text = await db.question.create({ data: { campaignId: seeded.campaign.id, sectionId: section.id, position: 0, type: "LONG_TEXT", label: "Pourquoi ?" } });
    const choice = await db.question.create({ data: { campaignId: seeded.campaign.id, sectionId: section.id, position: 1, type: "SINGLE_CHOICE", label: "Quand ?", rfmTag: "R", options: { create: [{ position: 0, label: "Hier", rfmScore: 5 }] } }, include: { options: true } });
    await db.answer.createMany({
      data: [
        { responseId: response.id, campaignId: seeded.campaign.id, questionId: text.id, valueText: "Signed Zephyrine Quackenbush" },
        { responseId: response.id, campaignId: seeded.campaign.id, questionId: choice.id, optionId: choice.options[0]!.id },
      ],
    });
    await recordConsents(db, [
      {
        organisationId: org.id, contactId: contact.id, purposeId: seeded.purpose.id, purposeVersionId: seeded.version.id, wording: seeded.version.wording, wordingHash: seeded.version.hash,
        action: "CONFIRM", method: "DOUBLE_OPT_IN", campaignId: seeded.campaign.id, responseId: response.id, pageUrl: "https://shop.test/landing-marker-77", userAgent: "UA-Marker-4242", ipHash: hashIp("203.0.113.7", org.salt),
      },
    ]);
    await db.outboxMail.create({ data: { organisationId: org.id, toAddress: email, subject: "Bonjour Zephyrine", html: "Bonjour Zephyrine Quackenbush", text: "Bonjour Zephyrine", kind: "optin.confirm", status: "KEPT" } });

    // The test can see the markers when they are there.
    const before = Object.values(databaseFiles()).join("\n");
    for (const marker of MARKERS) expect(before, marker).toContain(marker);

    await eraseContact(org.id, contact.id, "PREFERENCE_CENTRE", { userId: null, label: "RESPONDENT" });

    // Nothing personal in the database files, the WAL included.
    const files = databaseFiles();
    for (const [name, bytes] of Object.entries(files)) for (const marker of MARKERS) expect(bytes.includes(marker), `${marker} in ${name}`).toBe(false);

    // No entry, answer or technical data tied to the person.
    expect(await db.response.count({ where: { contactId: contact.id } })).toBe(0);
    const entry = await db.response.findUniqueOrThrow({ where: { id: response.id } });
    expect(entry).toMatchObject({
      contactId: null, data: "{}", dedupeKey: null, fillMs: 0, utmSource: "", utmMedium: "", utmCampaign: "", pageUrl: "", referrer: "", userAgent: "", ipHash: "",
      rScore: null, fScore: null, mScore: null, segment: null,
    });
    expect(await db.answer.count({ where: { responseId: response.id } })).toBe(0);
    // The ledger keeps the proof, tied to the suppression hash, without request metadata.
    const hash = suppressionHash(org.salt, email);
    const ledger = await db.consentRecord.findMany({ where: { contactId: contact.id } });
    expect(ledger.length).toBeGreaterThanOrEqual(3);
    for (const record of ledger) expect(record).toMatchObject({ userAgent: "", ipHash: "", pageUrl: "", subjectHash: hash, wording: seeded.version.wording });
    expect(await db.consentRecord.count({ where: { organisationId: org.id, subjectHash: hash } })).toBe(ledger.length);
    // The fixture's confirmed entry has its own CONFIRM, plus the one written above with markers.
    expect(ledger.map((r) => r.action).sort()).toEqual(["CONFIRM", "CONFIRM", "GRANT", "WITHDRAW"]);
    const tombstone = await db.contact.findUniqueOrThrow({ where: { id: contact.id } });
    expect(tombstone).toMatchObject({ email: `erased:${contact.id}`, firstName: "", lastName: "", phone: "", postalCode: "", birthDate: null, emailConfirmedAt: null });
  });

  it("the ledger trigger allows the erasure update only: no other change, and never a delete", async () => {
    const { db } = await import("@/lib/db");
    const p = onPostgres ? "$1" : "?";
    const { contact } = await seedEntry(seeded);
    const record = await db.consentRecord.findFirstOrThrow({ where: { contactId: contact.id } });
    await expect(db.$executeRawUnsafe(`UPDATE "ConsentRecord" SET "userAgent" = '', "ipHash" = '', "pageUrl" = '', "subjectHash" = 'h', "action" = 'WITHDRAW' WHERE id = ${p}`, record.id)).rejects.toThrow(/append-only/);
    await expect(db.$executeRawUnsafe(`UPDATE "ConsentRecord" SET "userAgent" = 'x', "subjectHash" = 'h' WHERE id = ${p}`, record.id)).rejects.toThrow(/append-only/);
    await expect(db.$executeRawUnsafe(`UPDATE "ConsentRecord" SET "pageUrl" = '' WHERE id = ${p}`, record.id)).rejects.toThrow(/append-only/);
    await expect(db.$executeRawUnsafe(`UPDATE "ConsentRecord" SET "userAgent" = '', "ipHash" = '', "pageUrl" = '', "subjectHash" = 'h' WHERE id = ${p}`, record.id)).resolves.toBe(1);
    // Once tied to a hash, never re-keyed to another.
    await expect(db.$executeRawUnsafe(`UPDATE "ConsentRecord" SET "subjectHash" = 'other' WHERE id = ${p}`, record.id)).rejects.toThrow(/append-only/);
    await expect(db.$executeRawUnsafe(`DELETE FROM "ConsentRecord" WHERE id = ${p}`, record.id)).rejects.toThrow(/append-only/);
  });
});
