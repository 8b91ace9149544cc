import { describe, expect, it } from "vitest";
import { useFreshDatabase } from "../test-db";
import { frenchIn } from "../architecture/french";
import { owner } from "./entry-fixtures";

// The invitation mail comes from the mail catalogue, in the invitee's language when they already have an
// account, else in the organisation's; its link is the one returned to the inviter.

useFreshDatabase();

async function invite(organisation: string, email: string) {
  const { db } = await import("@/lib/db");
  const { inviteMember } = await import("@/lib/orgs/queries");
  const member = await owner(`owner-${email}`, organisation);
  return { member, db, invite: () => inviteMember(member, { email, role: "EDITOR" }) };
}

async function lastMailTo(email: string) {
  const { db } = await import("@/lib/db");
  return db.outboxMail.findFirstOrThrow({ where: { toAddress: email, kind: "invitation" }, orderBy: { createdAt: "desc" } });
}

describe("the invitation mail", () => {
  it("is in French for a French organisation, names the inviter and the organisation, and carries the link", async () => {
    const { invite: send } = await invite("Poêles Durand", "fr-invitee@invitation.test");
    const link = await send();
    const mail = await lastMailTo("fr-invitee@invitation.test");
    expect(mail.subject).toBe("Invitation à rejoindre Poêles Durand sur Aimant");
    expect(mail.text).toContain("M vous invite à rejoindre Poêles Durand sur Aimant.");
    expect(mail.text).toContain("Ce lien est valable 7 jours.");
    expect(mail.text).toContain(link);
    expect(mail.html).toContain(`href="${link}"`);
    expect(mail.html).toContain("Accepter l&#39;invitation");
  });

  it("is in English for an organisation whose default language is English", async () => {
    const { member, db, invite: send } = await invite("Stoves Ltd", "en-invitee@invitation.test");
    await db.organisation.update({ where: { id: member.organisationId }, data: { defaultLocale: "en" } });
    const link = await send();
    const mail = await lastMailTo("en-invitee@invitation.test");
    expect(mail.subject).toBe("Invitation to join Stoves Ltd on Aimant");
    expect(mail.text).toContain("M invites you to join Stoves Ltd on Aimant.");
    expect(mail.text).toContain(link);
    expect(frenchIn(mail.text.replace(link, ""))).toBeNull();
  });

  it("follows an existing invitee's own language over the organisation's", async () => {
    const { db, invite: send } = await invite("Poêles Martin", "en-user@invitation.test");
    const { createAccount } = await import("@/lib/auth/sign-up");
    const { userId } = await createAccount({ name: "Jo", organisationName: "Jo's", email: "en-user@invitation.test", password: "x".repeat(12) });
    await db.user.update({ where: { id: userId }, data: { locale: "en" } });
    await send();
    expect((await lastMailTo("en-user@invitation.test")).subject).toBe("Invitation to join Poêles Martin on Aimant");
  });
});
