import "server-only";
import { db, lockRow } from "@/lib/db";
import { recordAudit } from "@/lib/audit";
import { Forbidden, Invalid, NotFound } from "@/lib/errors";
import { hashToken, randomToken } from "@/lib/crypto/tokens";
import { appUrl } from "@/lib/env";
import { queueMail } from "@/lib/mail/outbox";
import { escapeHtml } from "@/lib/html";
import { hashPassword } from "@/lib/auth/password";
import type { Member } from "@/lib/auth/session";
import type { AcceptInvitationInput, InvitationInput } from "@/lib/auth/schemas";
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

/** Creates an invitation and queues its e-mail; returns the link (shown to the owner too). */
export async function inviteMember(member: Member, input: InvitationInput): Promise<string> {
  const token = randomToken();
  const link = `${appUrl()}/invitation/${token}`;
  await db.$transaction(async (tx) => {
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
      subject: `Invitation à rejoindre ${member.organisationName} sur Aimant`,
      text: `${member.name} vous invite à rejoindre ${member.organisationName} sur Aimant.\n\nAcceptez l'invitation (valable ${INVITATION_DAYS} jours) : ${link}\n`,
      html: `<p>${escapeHtml(member.name)} vous invite à rejoindre ${escapeHtml(member.organisationName)} sur Aimant.</p><p><a href="${link}">Accepter l'invitation</a> (valable ${INVITATION_DAYS} jours)</p>`,
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

export async function changeRole(member: Member, input: RoleChangeInput) {
  await db.$transaction(async (tx) => {
    // Role changes of one organisation one at a time: two owners demoting each other cannot leave none.
    await lockRow(tx, "Organisation", member.organisationId);
    const target = await tx.membership.findFirst({ where: { id: input.membershipId, ...inOrganisation(member.organisationId) } });
    if (!target) throw new NotFound();
    if (target.role === "OWNER" && input.role !== "OWNER") {
      const owners = await tx.membership.count({ where: { ...inOrganisation(member.organisationId), role: "OWNER" } });
      if (owners <= 1) throw new Forbidden("L'organisation doit garder au moins un propriétaire.");
    }
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

