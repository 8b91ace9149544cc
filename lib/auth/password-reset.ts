import "server-only";
import { db, type Tx } from "@/lib/db";
import { appUrl } from "@/lib/env";
import { Invalid } from "@/lib/errors";
import { recordAudit } from "@/lib/audit";
import { queueMail } from "@/lib/mail/outbox";
import { renderMemberMail } from "@/lib/mail/templates/member";
import { mailTranslator } from "@/lib/mail/translator";
import type { Locale } from "@/lib/i18n/config";
import { ACCOUNT_TOKEN_TTL_MS, issueAccountToken, spendAccountToken } from "./account-tokens";
import { hashPassword } from "./password";

/**
 * Queues a reset link for the account with this address, if there is one.
 * Says nothing either way: the caller answers the same for every address
 * (and runs this after its answer has left, so timing says nothing either).
 */
export async function requestPasswordReset(email: string, locale: Locale, now = new Date()): Promise<void> {
  const user = await db.user.findUnique({ where: { email }, select: { id: true, email: true } });
  if (!user) return;
  await db.$transaction(async (tx) => {
    const token = await issueAccountToken(tx, { userId: user.id, kind: "PASSWORD_RESET", now });
    const t = mailTranslator(locale);
    const mail = renderMemberMail({
      locale,
      subject: t("passwordReset.subject"),
      paragraphs: [t("passwordReset.intro", { email: user.email }), t("passwordReset.validity", { minutes: ACCOUNT_TOKEN_TTL_MS.PASSWORD_RESET / 60_000 })],
      button: { href: `${appUrl()}/mot-de-passe/${token}`, label: t("passwordReset.button") },
      note: t("passwordReset.ignore"),
    });
    await queueMail(tx, { to: user.email, kind: "password_reset", ...mail });
  });
}

/**
 * Sets a new password from a reset link: spends the token (once), and raises
 * the session version so every session signed in before ends.
 */
export async function resetPassword(token: string, password: string, now = new Date()): Promise<{ email: string }> {
  const passwordHash = await hashPassword(password);
  return db.$transaction(async (tx) => {
    const spent = await spendAccountToken(tx, token, "PASSWORD_RESET", now);
    if (!spent) throw new Invalid("errors.resetLinkInvalid");
    const user = await tx.user.update({ where: { id: spent.userId }, data: { passwordHash, sessionVersion: { increment: 1 } }, select: { id: true, email: true } });
    await auditEveryOrganisation(tx, user, "auth.password_reset");
    return { email: user.email };
  });
}

/** A line in the audit log of each organisation the user belongs to (an account spans them). */
export async function auditEveryOrganisation(tx: Tx, user: { id: string; email: string }, action: string, details?: Record<string, unknown>) {
  const memberships = await tx.membership.findMany({ where: { userId: user.id }, select: { organisationId: true } });
  for (const { organisationId } of memberships) {
    await recordAudit(tx, { organisationId, userId: user.id, actorLabel: user.email, action, targetType: "user", targetId: user.id, details });
  }
}
