import "server-only";
import { db } from "@/lib/db";
import { appUrl } from "@/lib/env";
import { Invalid } from "@/lib/errors";
import { queueMail } from "@/lib/mail/outbox";
import { renderMemberMail } from "@/lib/mail/templates/member";
import { mailTranslator } from "@/lib/mail/translator";
import type { Locale } from "@/lib/i18n/config";
import { ACCOUNT_TOKEN_TTL_MS, issueAccountToken, spendAccountToken } from "./account-tokens";
import { dummyHash, hashPassword, verifyPassword } from "./password";
import { auditEveryOrganisation } from "./password-reset";

async function checkCurrentPassword(userId: string, password: string): Promise<{ id: string; email: string }> {
  const user = await db.user.findUnique({ where: { id: userId }, select: { id: true, email: true, passwordHash: true } });
  const valid = await verifyPassword(password, user?.passwordHash ?? (await dummyHash()));
  if (!user || !valid) throw new Invalid("errors.invalidForm", { currentPassword: "errors.currentPasswordWrong" });
  return user;
}

/**
 * Changes a signed-in member's password after checking the current one, and
 * raises the session version: every session signed in before ends (the
 * caller signs the current browser in again with the new password).
 */
export async function changePassword(userId: string, input: { currentPassword: string; newPassword: string }): Promise<{ email: string }> {
  const user = await checkCurrentPassword(userId, input.currentPassword);
  const passwordHash = await hashPassword(input.newPassword);
  await db.$transaction(async (tx) => {
    await tx.user.update({ where: { id: user.id }, data: { passwordHash, sessionVersion: { increment: 1 } } });
    await auditEveryOrganisation(tx, user, "auth.password_change");
  });
  return { email: user.email };
}

/**
 * Starts a change of sign-in address: after the current password, a link goes
 * to the new address, and nothing changes until it is opened and confirmed.
 * An address that already has an account gets no link (the answer is the same).
 */
export async function requestEmailChange(userId: string, input: { currentPassword: string; newEmail: string }, locale: Locale, now = new Date()): Promise<void> {
  const user = await checkCurrentPassword(userId, input.currentPassword);
  if (input.newEmail === user.email) throw new Invalid("errors.invalidForm", { newEmail: "errors.sameEmail" });
  const taken = await db.user.findUnique({ where: { email: input.newEmail }, select: { id: true } });
  if (taken) return;
  await db.$transaction(async (tx) => {
    const token = await issueAccountToken(tx, { userId: user.id, kind: "EMAIL_CHANGE", newEmail: input.newEmail, now });
    const t = mailTranslator(locale);
    const mail = renderMemberMail({
      locale,
      subject: t("emailChange.subject"),
      paragraphs: [t("emailChange.intro", { email: input.newEmail }), t("emailChange.validity", { hours: ACCOUNT_TOKEN_TTL_MS.EMAIL_CHANGE / 3_600_000 })],
      button: { href: `${appUrl()}/confirmer-adresse/${token}`, label: t("emailChange.button") },
      note: t("emailChange.ignore"),
    });
    await queueMail(tx, { to: input.newEmail, kind: "email_change", ...mail });
  });
}

/** Confirms a new sign-in address from its link (once); the address must still be free. */
export async function confirmEmailChange(token: string, now = new Date()): Promise<{ email: string }> {
  try {
    return await db.$transaction(async (tx) => {
      const spent = await spendAccountToken(tx, token, "EMAIL_CHANGE", now);
      if (!spent) throw new Invalid("errors.emailLinkInvalid");
      const before = await tx.user.findUniqueOrThrow({ where: { id: spent.userId }, select: { email: true } });
      const user = await tx.user.update({ where: { id: spent.userId }, data: { email: spent.newEmail }, select: { id: true, email: true } });
      await auditEveryOrganisation(tx, user, "auth.email_change", { from: before.email, to: user.email });
      return { email: user.email };
    });
  } catch (error) {
    // Taken meanwhile by another account: the unique index says so, nothing changed.
    if ((error as { code?: string }).code === "P2002") throw new Invalid("errors.emailTaken");
    throw error;
  }
}
