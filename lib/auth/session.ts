import "server-only";
import { cache } from "react";
import { forbidden, redirect } from "next/navigation";
import { getServerSession } from "next-auth";
import { db } from "@/lib/db";
import { Forbidden } from "@/lib/errors";
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
  const userId = (session?.user as { id?: string } | undefined)?.id;
  if (!userId) return null;
  // Nothing lets a marketer switch organisation yet: they work in the first one they joined.
  const membership = await db.membership.findFirst({
    where: { userId },
    include: { organisation: { select: { name: true } }, user: { select: { email: true, name: true } } },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
  });
  if (!membership || !isRole(membership.role)) return null;
  return {
    userId,
    email: membership.user.email,
    name: membership.user.name,
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
  if (!member) throw new Forbidden("Veuillez vous connecter.");
  if (!can(member.role, permission)) throw new Forbidden();
  return member;
}
