import { beforeAll, describe, expect, it } from "vitest";
import { useFreshDatabase as freshDatabase } from "../test-db";
import { NotFound } from "@/lib/errors";
import { seedCampaign, seedEntry, seedOrganisation } from "./consent-fixtures";

freshDatabase();

const OWNER = { userId: null, label: "owner@org.test" };

describe("data-subject rights", () => {
  let seeded: Awaited<ReturnType<typeof seedCampaign>>;
  let org: Awaited<ReturnType<typeof seedOrganisation>>;
  let otherOrg: string;
  beforeAll(async () => {
    org = await seedOrganisation("Rights");
    seeded = await seedCampaign(org.id);
    otherOrg = (await seedOrganisation("Other")).id;
  });

  it("withdrawal from the preference centre takes effect at once and is recorded", async () => {
    const { db } = await import("@/lib/db");
    const { withdrawConsents } = await import("@/lib/consent/withdraw");
    const { consentingContactsSql } = await import("@/lib/consent/current");
    const { contact } = await seedEntry(seeded, { confirmed: true });
    const consenting = async () => (await db.$queryRaw<Array<{ contactId: string }>>(consentingContactsSql(org.id, seeded.purpose.id))).map((r) => r.contactId);
    expect(await consenting()).toContain(contact.id);
    expect(await withdrawConsents({ organisationId: org.id, contactId: contact.id, purposeId: seeded.purpose.id, method: "PREFERENCE_CENTRE", actor: { userId: null, label: "RESPONDENT" } })).toBe(1);
    expect(await consenting()).not.toContain(contact.id);
    const last = await db.consentRecord.findFirstOrThrow({ where: { contactId: contact.id }, orderBy: { createdAt: "desc" } });
    expect(last).toMatchObject({ action: "WITHDRAW", method: "PREFERENCE_CENTRE", wording: seeded.version.wording });
    // Again: nothing left to withdraw, nothing appended.
    expect(await withdrawConsents({ organisationId: org.id, contactId: contact.id, method: "UNSUBSCRIBE_LINK", actor: { userId: null, label: "RESPONDENT" } })).toBe(0);
    expect(await db.auditLog.count({ where: { action: "consent.withdraw", targetId: contact.id } })).toBe(1);
  });

  it("erasure anonymises everywhere, keeps the ledger and a suppression hash, logs it", async () => {
    const { db } = await import("@/lib/db");
    const { eraseContact, exportContactData } = await import("@/lib/rights/queries");
    const { contactForPreferences } = await import("@/lib/preferences/queries");
    const { preferencesToken } = await import("@/lib/preferences/links");
    const { suppressionHash } = await import("@/lib/rights/suppression");
    const { contact, response, email } = await seedEntry(seeded, { email: "Erase.Me@Example.test" });
    const question = await db.question.create({ data: { campaignId: seeded.campaign.id, sectionId: (await db.section.create({ data: { campaignId: seeded.campaign.id, position: 0 } })).id, position: 0, type: "LONG_TEXT", label: "Pourquoi ?" } });
    await db.answer.create({ data: { responseId: response.id, campaignId: seeded.campaign.id, questionId: question.id, valueText: "Parce que je m'appelle Paul Martin" } });
    await db.outboxMail.create({ data: { organisationId: org.id, toAddress: email, subject: "Bonjour Paul", html: "x", text: "x", kind: "test", status: "KEPT" } });
    const token = preferencesToken(contact.id);
    expect(await contactForPreferences(token)).not.toBeNull();
    const grantsBefore = await db.consentRecord.count({ where: { contactId: contact.id } });

    await eraseContact(org.id, contact.id, "PREFERENCE_CENTRE", { userId: null, label: "RESPONDENT" });

    const after = await db.contact.findUniqueOrThrow({ where: { id: contact.id } });
    expect(after).toMatchObject({ email: `erased:${contact.id}`, firstName: "", lastName: "", phone: "", postalCode: "", birthDate: null });
    expect(after.erasedAt).not.toBeNull();
    const r = await db.response.findUniqueOrThrow({ where: { id: response.id } });
    expect(r).toMatchObject({ data: "{}", dedupeKey: null, pageUrl: "", userAgent: "", ipHash: "" });
    expect(r.erasedAt).not.toBeNull();
    expect(await db.answer.count({ where: { responseId: response.id } })).toBe(0);
    expect(await db.outboxMail.count({ where: { toAddress: email } })).toBe(0);
    // The ledger is kept, plus one WITHDRAW (ERASURE) for the consent still active.
    const ledger = await db.consentRecord.findMany({ where: { contactId: contact.id }, orderBy: { createdAt: "asc" } });
    expect(ledger).toHaveLength(grantsBefore + 1);
    expect(ledger.at(-1)).toMatchObject({ action: "WITHDRAW", method: "ERASURE" });
    expect(await db.suppression.count({ where: { organisationId: org.id, emailHash: suppressionHash(org.salt, "erase.me+promo@example.test") } })).toBe(1);
    expect(await db.auditLog.count({ where: { action: "contact.erase", targetId: contact.id } })).toBe(1);
    expect(await db.dataSubjectRequest.count({ where: { contactId: contact.id, kind: "ERASURE", status: "DONE" } })).toBe(1);
    // The preference-centre link and the JSON download no longer work.
    expect(await contactForPreferences(token)).toBeNull();
    await expect(exportContactData(org.id, contact.id, "PORTABILITY", "PREFERENCE_CENTRE", OWNER)).rejects.toThrow("errors.notFound");
    // Idempotent: erasing again is "not found", nothing appended.
    await expect(eraseContact(org.id, contact.id, "ADMIN", OWNER)).rejects.toThrow(NotFound);
    expect(await db.consentRecord.count({ where: { contactId: contact.id } })).toBe(grantsBefore + 1);
  });

  it("the suppression list blocks an erased address and its aliases from exports, in its own organisation only", async () => {
    const { db } = await import("@/lib/db");
    const { suppressionBlocks, suppressionHash, suppressionLiftHash } = await import("@/lib/rights/suppression");
    const { eraseContact } = await import("@/lib/rights/queries");
    const { contact } = await seedEntry(seeded, { email: "jean.dupont@gmail.com" });
    await eraseContact(org.id, contact.id, "ADMIN", OWNER);
    const blocked = await suppressionBlocks(db, org, null);
    const batch = ["new@example.test", "Jean.Dupont@gmail.com", "jeandupont+jeu@googlemail.com", "other@example.test"];
    expect(batch.filter(blocked)).toEqual(["Jean.Dupont@gmail.com", "jeandupont+jeu@googlemail.com"]);
    // Coming back with an alias: the new entry's confirmation will carry the address's hash, which lifts the block.
    expect(await suppressionLiftHash(db, org, "jeandupont+jeu@googlemail.com")).toBe(suppressionHash(org.salt, "jean.dupont@gmail.com"));
    expect(await suppressionLiftHash(db, org, "new@example.test")).toBe("");
    // Another organisation's list is its own (salted per organisation).
    const other = await db.organisation.findUniqueOrThrow({ where: { id: otherOrg } });
    expect((await suppressionBlocks(db, other, null))("jean.dupont@gmail.com")).toBe(false);
    expect(await suppressionLiftHash(db, other, "jean.dupont@gmail.com")).toBe("");
  });

  it("exports a contact's data as JSON and logs the request with its one-month deadline", async () => {
    const { db } = await import("@/lib/db");
    const { exportContactData } = await import("@/lib/rights/queries");
    const { contact, email } = await seedEntry(seeded);
    const doc = await exportContactData(org.id, contact.id, "ACCESS", "ADMIN", OWNER);
    expect(doc.contact.email).toBe(email);
    expect(doc.consents).toHaveLength(1);
    expect(doc.entries).toHaveLength(1);
    const request = await db.dataSubjectRequest.findFirstOrThrow({ where: { contactId: contact.id, kind: "ACCESS" } });
    expect(request.status).toBe("DONE");
    expect(request.dueAt.getTime() - request.requestedAt.getTime()).toBeGreaterThanOrEqual(28 * 86_400_000);
  });

  it("rectifies a contact and logs field names only", async () => {
    const { db } = await import("@/lib/db");
    const { rectifyContact } = await import("@/lib/rights/queries");
    const { contact } = await seedEntry(seeded);
    await rectifyContact(org.id, { contactId: contact.id, firstName: "Pauline", lastName: "Martin", phone: "0612345678", postalCode: "69001" }, OWNER);
    expect(await db.contact.findUniqueOrThrow({ where: { id: contact.id } })).toMatchObject({ firstName: "Pauline", postalCode: "69001" });
    const audit = await db.auditLog.findFirstOrThrow({ where: { action: "contact.rectify", targetId: contact.id } });
    expect(JSON.parse(audit.details)).toEqual({ fields: ["firstName", "postalCode"] });
    expect(audit.details).not.toContain("Pauline");
  });

  it("another organisation gets not found for every right", async () => {
    const { eraseContact, exportContactData, rectifyContact, getContact } = await import("@/lib/rights/queries");
    const { contact } = await seedEntry(seeded);
    await expect(getContact(otherOrg, contact.id)).rejects.toThrow("errors.notFound");
    await expect(eraseContact(otherOrg, contact.id, "ADMIN", OWNER)).rejects.toThrow("errors.notFound");
    await expect(exportContactData(otherOrg, contact.id, "ACCESS", "ADMIN", OWNER)).rejects.toThrow("errors.notFound");
    await expect(rectifyContact(otherOrg, { contactId: contact.id, firstName: "X", lastName: "", phone: "", postalCode: "" }, OWNER)).rejects.toThrow("errors.notFound");
  });
});

describe("requests received outside the app", () => {
  it("are logged open, due in a month, completed once, and scoped by organisation", async () => {
    const { db } = await import("@/lib/db");
    const { logReceivedRequest } = await import("@/lib/rights/queries");
    const { completeRequest, listRequests } = await import("@/lib/rights/requests");
    const org = await seedOrganisation("Requests");
    const other = await seedOrganisation("Elsewhere");
    const { contact } = await seedEntry(await seedCampaign(org.id));
    const actor = { userId: null, label: "owner@org.test" };
    await expect(logReceivedRequest(other.id, { contactId: contact.id, kind: "ACCESS", notes: "" }, actor)).rejects.toThrow("errors.notFound");
    const id = await logReceivedRequest(org.id, { contactId: contact.id, kind: "ACCESS", notes: "courrier du 3 mars" }, actor);
    const request = await db.dataSubjectRequest.findUniqueOrThrow({ where: { id } });
    expect(request).toMatchObject({ status: "OPEN", channel: "ADMIN", notes: "courrier du 3 mars", completedAt: null });
    expect(request.dueAt.getUTCMonth()).toBe((request.requestedAt.getUTCMonth() + 1) % 12);
    expect((await listRequests(org.id))[0]!.id).toBe(id);
    expect(await listRequests(other.id)).toHaveLength(0);
    expect(await completeRequest(db, other.id, id)).toBe(false);
    expect(await completeRequest(db, org.id, id)).toBe(true);
    expect(await completeRequest(db, org.id, id)).toBe(false);
    expect((await db.dataSubjectRequest.findUniqueOrThrow({ where: { id } })).status).toBe("DONE");
  });
});
