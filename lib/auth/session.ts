import "server-only";
import { cache } from "react";
import { forbidden, redirect } from "next/navigation";
import { cookies } from "next/headers";
import { getServerSession } from "next-auth";
import { db } from "@/lib/db";
import { Forbidden } from "@/lib/errors";
import { ORGANISATION_COOKIE, pickMembership } from "@/lib/orgs/selection";
import { authOptions } from "./options";
import { can, isRole, type Permission, type Role } from "./roles";

/** The signed-in marketer in the organisation they are working in. */
export type Member = {
  userId: string;
  email: string;
  name: string;
  organisationId: string;
  organisationName: string;
  role: Role;
};

/** The current member, or null when signed out (memoised per request). */
export const getMember = cache(async (): Promise<Member | null> => {
  const session = await getServerSession(authOptions);
  const sessionUser = session?.user as { id?: string; sessionVersion?: number } | undefined;
  const userId = sessionUser?.id;
  if (!userId) return null;
  const user = await db.user.findUnique({
    where: { id: userId },
    select: {
      email: true,
      name: true,
      sessionVersion: true,
      memberships: { include: { organisation: { select: { name: true } } }, orderBy: [{ createdAt: "asc" }, { id: "asc" }] },
    },
  });
  // A session signed in before the password changed (or the member was removed) is over.
  if (!user || user.sessionVersion !== (sessionUser.sessionVersion ?? 0)) return null;
  // The organisation chosen in the switcher, if the member still belongs to it; else the first one joined.
  const membership = pickMembership(user.memberships, (await cookies()).get(ORGANISATION_COOKIE)?.value);
  if (!membership || !isRole(membership.role)) return null;
  return {
    userId,
    email: user.email,
    name: user.name,
    organisationId: membership.organisationId,
    organisationName: membership.organisation.name,
    role: membership.role,
  };
});

/** For pages: the member, or a redirect to the sign-in page. */
export async function requireUser(): Promise<Member> {
  const member = await getMember();
  if (!member) redirect("/connexion");
  return member;
}

/** For pages: the member if their role grants `permission`, else the 403 page. */
export async function requirePermission(permission: Permission): Promise<Member> {
  const member = await requireUser();
  if (!can(member.role, permission)) forbidden();
  return member;
}

/** For actions and route handlers: throws Forbidden (mapped to 401/403) instead of redirecting. */
export async function requireRole(permission: Permission): Promise<Member> {
  const member = await getMember();
  if (!member) throw new Forbidden("errors.signInRequired");
  if (!can(member.role, permission)) throw new Forbidden();
  return member;
}
