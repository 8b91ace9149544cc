import { beforeAll, describe, expect, it } from "vitest";
import { useFreshDatabase as freshDatabase } from "../test-db";
import { seedCampaign, seedEntry, seedOrganisation } from "./consent-fixtures";

freshDatabase();

const meta = { userAgent: "Mozilla/5.0 test", ipHash: (salt: string) => `hash-of-ip-with-${salt.length}` };

async function startFor(seeded: Awaited<ReturnType<typeof seedCampaign>>, opts: Parameters<typeof seedEntry>[1] = {}) {
  const { db, writeTransaction } = await import("@/lib/db");
  const { issueConfirmation, mailSenderOf } = await import("@/lib/optin/start");
  const entry = await seedEntry(seeded, opts);
  const sender = await mailSenderOf(seeded.campaign.id, seeded.campaign.organisationId);
  await writeTransaction((sql) =>
    issueConfirmation(sql, { organisationId: seeded.campaign.organisationId, campaignId: seeded.campaign.id, contactId: entry.contact.id, responseId: entry.response.id, email: entry.email, purposes: [seeded.version.wording], locale: "fr" }, sender, new Date()),
  );
  const mail = await db.outboxMail.findFirstOrThrow({ where: { toAddress: entry.email, kind: "optin.confirmation" }, orderBy: { createdAt: "desc" } });
  const token = decodeURIComponent(/\/c\/([^\s"<]+)/.exec(mail.text)![1]!);
  return { ...entry, token };
}

describe("double opt-in confirmation", () => {
  let contest: Awaited<ReturnType<typeof seedCampaign>>;
  let magnet: Awaited<ReturnType<typeof seedCampaign>>;
  beforeAll(async () => {
    const org = await seedOrganisation("Confirm");
    contest = await seedCampaign(org.id);
    magnet = await seedCampaign(org.id, { kind: "LEAD_MAGNET", rewardUrl: "https://example.test/livre-blanc.pdf" });
  });

  it("inspecting a link (GET) changes nothing", async () => {
    const { db } = await import("@/lib/db");
    const { inspectConfirmation } = await import("@/lib/optin/confirm");
    const { token, contact, response } = await startFor(contest);
    expect((await inspectConfirmation(token)).state).toBe("valid");
    expect((await db.contact.findUniqueOrThrow({ where: { id: contact.id } })).emailConfirmedAt).toBeNull();
    expect((await db.response.findUniqueOrThrow({ where: { id: response.id } })).confirmedAt).toBeNull();
    expect(await db.consentRecord.count({ where: { contactId: contact.id, action: "CONFIRM" } })).toBe(0);
  });

  it("confirms once: entry, contact, ledger CONFIRM, audit; the same link then says used", async () => {
    const { db } = await import("@/lib/db");
    const { confirmOptIn } = await import("@/lib/optin/confirm");
    const { token, contact, response } = await startFor(contest);
    const result = await confirmOptIn(token, meta);
    expect(result.state).toBe("confirmed");
    expect(result.campaign?.title).toBe(contest.campaign.title);
    expect((await db.contact.findUniqueOrThrow({ where: { id: contact.id } })).emailConfirmedAt).not.toBeNull();
    expect((await db.response.findUniqueOrThrow({ where: { id: response.id } })).confirmedAt).not.toBeNull();
    const confirms = await db.consentRecord.findMany({ where: { contactId: contact.id, action: "CONFIRM" } });
    expect(confirms).toHaveLength(1);
    expect(confirms[0]).toMatchObject({ method: "DOUBLE_OPT_IN", responseId: response.id, wording: contest.version.wording, userAgent: "Mozilla/5.0 test" });
    expect(await db.auditLog.count({ where: { action: "consent.confirm", targetId: contact.id } })).toBe(1);
    expect((await confirmOptIn(token, meta)).state).toBe("used");
    expect(await db.consentRecord.count({ where: { contactId: contact.id, action: "CONFIRM" } })).toBe(1);
  });

  it("refuses expired and unknown tokens without changing anything", async () => {
    const { db } = await import("@/lib/db");
    const { confirmOptIn } = await import("@/lib/optin/confirm");
    const { token, contact } = await startFor(contest);
    const eightDaysLater = new Date(Date.now() + 8 * 86_400_000);
    expect((await confirmOptIn(token, meta, eightDaysLater)).state).toBe("expired");
    expect((await confirmOptIn("not-a-token", meta)).state).toBe("unknown");
    expect((await db.contact.findUniqueOrThrow({ where: { id: contact.id } })).emailConfirmedAt).toBeNull();
    expect(await db.consentRecord.count({ where: { contactId: contact.id, action: "CONFIRM" } })).toBe(0);
  });

  it("does not confirm a purpose withdrawn before the click", async () => {
    const { db } = await import("@/lib/db");
    const { confirmOptIn } = await import("@/lib/optin/confirm");
    const { recordConsents } = await import("@/lib/consent/ledger");
    const { token, contact } = await startFor(contest);
    await new Promise((r) => setTimeout(r, 5));
    await recordConsents(db, [{ organisationId: contest.campaign.organisationId, contactId: contact.id, purposeId: contest.purpose.id, purposeVersionId: contest.version.id, wording: contest.version.wording, wordingHash: contest.version.hash, action: "WITHDRAW", method: "PREFERENCE_CENTRE" }]);
    expect((await confirmOptIn(token, meta)).state).toBe("confirmed");
    expect(await db.consentRecord.count({ where: { contactId: contact.id, action: "CONFIRM" } })).toBe(0);
  });

  it("delivers a lead magnet's reward on confirmation", async () => {
    const { db } = await import("@/lib/db");
    const { confirmOptIn } = await import("@/lib/optin/confirm");
    const { token, email } = await startFor(magnet);
    const result = await confirmOptIn(token, meta);
    expect(result.rewardUrl).toBe("https://example.test/livre-blanc.pdf");
    const mail = await db.outboxMail.findFirstOrThrow({ where: { toAddress: email, kind: "optin.reward" } });
    expect(mail.text).toContain("https://example.test/livre-blanc.pdf");
    expect(mail.text).toContain("Se désabonner en un clic");
  });

  it("resends at most three times an hour, and not once confirmed", async () => {
    const { db } = await import("@/lib/db");
    const { resendConfirmation } = await import("@/lib/optin/resend");
    const { confirmOptIn } = await import("@/lib/optin/confirm");
    const { response, email, token } = await startFor(contest);
    for (let i = 0; i < 3; i++) expect(await resendConfirmation(response.id)).toBe("sent");
    await expect(resendConfirmation(response.id)).rejects.toThrow("3 renvois");
    expect(await db.outboxMail.count({ where: { toAddress: email, kind: "optin.confirmation" } })).toBe(4);
    // A resend makes the earlier links expire (the first one no longer confirms); the newest confirms, and uses the entry's links.
    expect((await confirmOptIn(token, meta)).state).toBe("expired");
    const latest = await db.outboxMail.findFirstOrThrow({ where: { toAddress: email, kind: "optin.confirmation" }, orderBy: [{ createdAt: "desc" }, { id: "desc" }] });
    expect((await confirmOptIn(decodeURIComponent(/\/c\/([^\s"<]+)/.exec(latest.text)![1]!), meta)).state).toBe("confirmed");
    expect(await db.optInToken.count({ where: { responseId: response.id, usedAt: null, expiresAt: { gt: new Date() } } })).toBe(0);
    expect(await resendConfirmation(response.id)).toBe("alreadyConfirmed");
  });
});
