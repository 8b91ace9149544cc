import "server-only";
import { db, lockRow, type Tx } from "@/lib/db";
import { recordAudit } from "@/lib/audit";
import { Forbidden, Invalid, NotFound } from "@/lib/errors";
import { hashToken, randomToken } from "@/lib/crypto/tokens";
import { appUrl } from "@/lib/env";
import { queueMail } from "@/lib/mail/outbox";
import { DEFAULT_LOCALE, isLocale } from "@/lib/i18n/config";
import { invitationMail } from "@/lib/mail/templates/invitation";
import { dummyHash, hashPassword, verifyPassword } from "@/lib/auth/password";
import type { Member } from "@/lib/auth/session";
import type { AcceptInvitationInput, AcceptInvitationSignedInput, InvitationInput } from "@/lib/auth/schemas";
import type { OrganisationSettingsInput, RoleChangeInput } from "./schemas";
import { inOrganisation } from "./scope";

const INVITATION_DAYS = 7;

export function getOrganisation(organisationId: string) {
  return db.organisation.findUniqueOrThrow({ where: { id: organisationId } });
}

export async function updateOrganisationSettings(member: Member, input: OrganisationSettingsInput) {
  await db.$transaction(async (tx) => {
    const before = await tx.organisation.findUniqueOrThrow({ where: { id: member.organisationId } });
    await tx.organisation.update({ where: { id: member.organisationId }, data: input });
    const changed = Object.keys(input).filter((k) => String(before[k as keyof typeof before]) !== String(input[k as keyof typeof input]));
    await recordAudit(tx, { organisationId: member.organisationId, userId: member.userId, actorLabel: member.email, action: "settings.update", targetType: "organisation", targetId: member.organisationId, details: { changed } });
  });
}

export function listMembers(organisationId: string) {
  return db.membership.findMany({
    where: inOrganisation(organisationId),
    include: { user: { select: { email: true, name: true } } },
    orderBy: { createdAt: "asc" },
  });
}

export function listPendingInvitations(organisationId: string) {
  return db.invitation.findMany({
    where: { ...inOrganisation(organisationId), acceptedAt: null, expiresAt: { gt: new Date() } },
    orderBy: { createdAt: "desc" },
  });
}

/**
 * Creates an invitation and queues its e-mail; returns the link (shown to the owner too).
 * The mail speaks the invitee's language when they already have an account, else the organisation's.
 */
export async function inviteMember(member: Member, input: InvitationInput): Promise<string> {
  const token = randomToken();
  const link = `${appUrl()}/invitation/${token}`;
  await db.$transaction(async (tx) => {
    const invitee = await tx.user.findUnique({ where: { email: input.email }, select: { locale: true } });
    const organisation = await tx.organisation.findUniqueOrThrow({ where: { id: member.organisationId }, select: { defaultLocale: true } });
    const locale = [invitee?.locale, organisation.defaultLocale].find(isLocale) ?? DEFAULT_LOCALE;
    const invitation = await tx.invitation.create({
      data: {
        organisationId: member.organisationId,
        email: input.email,
        role: input.role,
        tokenHash: hashToken(token),
        invitedById: member.userId,
        expiresAt: new Date(Date.now() + INVITATION_DAYS * 86_400_000),
      },
    });
    await queueMail(tx, {
      organisationId: member.organisationId,
      to: input.email,
      kind: "invitation",
      ...invitationMail({ locale, inviter: member.name, organisation: member.organisationName, link, validDays: INVITATION_DAYS }),
    });
    await recordAudit(tx, { organisationId: member.organisationId, userId: member.userId, actorLabel: member.email, action: "member.invite", targetType: "invitation", targetId: invitation.id, details: { email: input.email, role: input.role } });
  });
  return link;
}

export async function findInvitation(token: string) {
  const invitation = await db.invitation.findUnique({ where: { tokenHash: hashToken(token) }, include: { organisation: { select: { name: true } } } });
  if (!invitation || invitation.acceptedAt || invitation.expiresAt < new Date()) return null;
  return invitation;
}

/** Accepts an invitation: creates the account if needed and the membership, once. */
export async function acceptInvitation(input: AcceptInvitationInput): Promise<{ email: string }> {
  const invitation = await findInvitation(input.token);
  if (!invitation) throw new Invalid("errors.invitationInvalid");
  const passwordHash = await hashPassword(input.password);
  return db.$transaction(async (tx) => {
    // Marking it accepted first, conditionally, makes a double submit harmless.
    const claimed = await tx.invitation.updateMany({ where: { id: invitation.id, acceptedAt: null }, data: { acceptedAt: new Date() } });
    if (claimed.count !== 1) throw new Invalid("errors.invitationInvalid");
    const existing = await tx.user.findUnique({ where: { email: invitation.email } });
    if (existing) throw new Invalid("errors.emailTaken");
    const user = await tx.user.create({ data: { email: invitation.email, name: input.name, passwordHash } });
    await tx.membership.create({ data: { userId: user.id, organisationId: invitation.organisationId, role: invitation.role } });
    await recordAudit(tx, { organisationId: invitation.organisationId, userId: user.id, actorLabel: user.email, action: "member.join", targetType: "user", targetId: user.id, details: { role: invitation.role } });
    return { email: user.email };
  });
}

/** Whether an invitation's address already has an account (its page then asks only for that account's password). */
export async function invitedAccountExists(email: string): Promise<boolean> {
  return (await db.user.count({ where: { email } })) > 0;
}

/**
 * Accepts an invitation with the account its address already has: the
 * account's password proves it, and the membership is created once (the
 * conditional claim makes a double submit harmless).
 */
export async function acceptInvitationAsExistingAccount(input: AcceptInvitationSignedInput): Promise<{ email: string; organisationId: string }> {
  const invitation = await findInvitation(input.token);
  if (!invitation) throw new Invalid("errors.invitationInvalid");
  const user = await db.user.findUnique({ where: { email: invitation.email }, select: { id: true, email: true, passwordHash: true } });
  const valid = await verifyPassword(input.password, user?.passwordHash ?? (await dummyHash()));
  if (!user) throw new Invalid("errors.invitationInvalid");
  if (!valid) throw new Invalid("errors.invalidForm", { password: "errors.badCredentials" });
  return db.$transaction(async (tx) => {
    const claimed = await tx.invitation.updateMany({ where: { id: invitation.id, acceptedAt: null }, data: { acceptedAt: new Date() } });
    if (claimed.count !== 1) throw new Invalid("errors.invitationInvalid");
    const already = await tx.membership.findUnique({ where: { userId_organisationId: { userId: user.id, organisationId: invitation.organisationId } } });
    if (!already) {
      await tx.membership.create({ data: { userId: user.id, organisationId: invitation.organisationId, role: invitation.role } });
      await recordAudit(tx, { organisationId: invitation.organisationId, userId: user.id, actorLabel: user.email, action: "member.join", targetType: "user", targetId: user.id, details: { role: invitation.role } });
    }
    return { email: user.email, organisationId: invitation.organisationId };
  });
}

/** Locks the organisation and counts its owners: the one owner check of role changes and removals. */
async function ownersLeftAfter(tx: Tx, organisationId: string, target: { role: string }, nextRole: string | null): Promise<void> {
  if (target.role !== "OWNER" || nextRole === "OWNER") return;
  const owners = await tx.membership.count({ where: { ...inOrganisation(organisationId), role: "OWNER" } });
  if (owners <= 1) throw new Forbidden("errors.lastOwner");
}

/**
 * Removes a member from the organisation (never its last owner): their
 * membership goes, with their digest wishes, and their sessions end (the
 * session version moves on), so an open tab is refused at its next request.
 */
export async function removeMember(member: Member, input: { membershipId: string }) {
  await db.$transaction(async (tx) => {
    // One removal or role change of an organisation at a time: two owners removing each other cannot leave none.
    await lockRow(tx, "Organisation", member.organisationId);
    const target = await tx.membership.findFirst({ where: { id: input.membershipId, ...inOrganisation(member.organisationId) }, include: { user: { select: { email: true } } } });
    if (!target) throw new NotFound();
    await ownersLeftAfter(tx, member.organisationId, target, null);
    await tx.membership.delete({ where: { id: target.id } });
    await tx.user.update({ where: { id: target.userId }, data: { sessionVersion: { increment: 1 } } });
    await recordAudit(tx, { organisationId: member.organisationId, userId: member.userId, actorLabel: member.email, action: "member.remove", targetType: "user", targetId: target.userId, details: { email: target.user.email, role: target.role } });
  });
}

/** Revokes a pending invitation of the organisation: its link stops working at once. */
export async function revokeInvitation(member: Member, input: { invitationId: string }) {
  await db.$transaction(async (tx) => {
    const invitation = await tx.invitation.findFirst({ where: { id: input.invitationId, ...inOrganisation(member.organisationId), acceptedAt: null } });
    if (!invitation) throw new NotFound();
    await tx.invitation.delete({ where: { id: invitation.id } });
    await recordAudit(tx, { organisationId: member.organisationId, userId: member.userId, actorLabel: member.email, action: "member.invitation_revoke", targetType: "invitation", targetId: invitation.id, details: { email: invitation.email, role: invitation.role } });
  });
}

export async function changeRole(member: Member, input: RoleChangeInput) {
  await db.$transaction(async (tx) => {
    // Role changes of one organisation one at a time: two owners demoting each other cannot leave none.
    await lockRow(tx, "Organisation", member.organisationId);
    const target = await tx.membership.findFirst({ where: { id: input.membershipId, ...inOrganisation(member.organisationId) } });
    if (!target) throw new NotFound();
    await ownersLeftAfter(tx, member.organisationId, target, input.role);
    await tx.membership.update({ where: { id: target.id }, data: { role: input.role } });
    await recordAudit(tx, { organisationId: member.organisationId, userId: member.userId, actorLabel: member.email, action: "member.role_change", targetType: "membership", targetId: target.id, details: { from: target.role, to: input.role } });
  });
}

export async function listAuditLog(organisationId: string, page: number, pageSize = 50) {
  const [rows, total] = await Promise.all([
    db.auditLog.findMany({ where: inOrganisation(organisationId), orderBy: { createdAt: "desc" }, skip: page * pageSize, take: pageSize }),
    db.auditLog.count({ where: inOrganisation(organisationId) }),
  ]);
  return { rows, total, pageSize };
}


/** The organisations a person belongs to (the switcher), oldest membership first. */
export function listMembershipsOf(userId: string) {
  return db.membership.findMany({
    where: { userId },
    select: { organisationId: true, role: true, organisation: { select: { name: true } } },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
  });
}
