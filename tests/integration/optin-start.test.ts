import { beforeAll, describe, expect, it } from "vitest";
import { useFreshDatabase as freshDatabase } from "../test-db";
import { seedCampaign, seedEntry, seedOrganisation } from "./consent-fixtures";

freshDatabase();

describe("issueConfirmation", () => {
  let seeded: Awaited<ReturnType<typeof seedCampaign>>;
  beforeAll(async () => {
    const org = await seedOrganisation("Poêles & Co");
    seeded = await seedCampaign(org.id);
  });

  it("stores only the token's hash, valid 7 days, and queues the confirmation mail in the same transaction", async () => {
    const { db, writeTransaction } = await import("@/lib/db");
    const { issueConfirmation, mailSenderOf } = await import("@/lib/optin/start");
    const { hashToken } = await import("@/lib/crypto/tokens");
    const { contact, response, email } = await seedEntry(seeded);
    const sender = await mailSenderOf(seeded.campaign.id, seeded.campaign.organisationId);
    const before = Date.now();
    await writeTransaction((sql) =>
      issueConfirmation(sql, { organisationId: seeded.campaign.organisationId, campaignId: seeded.campaign.id, contactId: contact.id, responseId: response.id, email, firstName: "Paul\r\nBcc: x@evil.test", purposes: [seeded.version.wording], locale: "fr" }, sender, new Date()),
    );
    const token = await db.optInToken.findFirstOrThrow({ where: { responseId: response.id } });
    const mail = await db.outboxMail.findFirstOrThrow({ where: { toAddress: email } });
    const link = /\/c\/([A-Za-z0-9_-]+)/.exec(mail.text)![1]!;
    expect(Buffer.from(link, "base64url").length).toBeGreaterThanOrEqual(16);
    expect(token.tokenHash).toBe(hashToken(link));
    expect(token.tokenHash).not.toContain(link);
    const days = (token.expiresAt.getTime() - before) / 86_400_000;
    expect(days).toBeGreaterThan(6.99);
    expect(days).toBeLessThan(7.01);
    expect(mail.kind).toBe("optin.confirmation");
    expect(mail.subject).toMatch(/^Confirmez votre adresse e-mail/);
    expect(mail.html).toContain(`http://localhost:`);
    const headers = JSON.parse(mail.headers) as Record<string, string>;
    expect(headers["List-Unsubscribe-Post"]).toBe("List-Unsubscribe=One-Click");
    expect(headers["List-Unsubscribe"]).toMatch(/^<https?:\/\/.+\/api\/unsubscribe\?t=.+>$/);
    // The legal footer: why, unsubscribe, rights + DPO, do-not-reply + contact, sender and address.
    expect(mail.text).toContain("Pourquoi recevez-vous cet e-mail");
    expect(mail.text).toContain("Se désabonner en un clic");
    expect(mail.text).toContain("dpo@org.test");
    expect(mail.text).toContain("Merci de ne pas répondre");
    expect(mail.text).toContain("contact@org.test");
    expect(mail.text).toContain("Poêles & Co SAS, 1 rue de la Paix, 75002 Paris");
    expect(mail.html).toContain("Poêles &amp; Co SAS");
  });

  it("writes nothing when the surrounding transaction fails", async () => {
    const { db, writeTransaction } = await import("@/lib/db");
    const { issueConfirmation, mailSenderOf } = await import("@/lib/optin/start");
    const { contact, response, email } = await seedEntry(seeded);
    const sender = await mailSenderOf(seeded.campaign.id, seeded.campaign.organisationId);
    await expect(
      writeTransaction(async (sql) => {
        await issueConfirmation(sql, { organisationId: seeded.campaign.organisationId, campaignId: seeded.campaign.id, contactId: contact.id, responseId: response.id, email, purposes: [], locale: "en" }, sender, new Date());
        throw new Error("submission failed later");
      }),
    ).rejects.toThrow("submission failed later");
    expect(await db.optInToken.count({ where: { responseId: response.id } })).toBe(0);
    expect(await db.outboxMail.count({ where: { toAddress: email } })).toBe(0);
  });
});
