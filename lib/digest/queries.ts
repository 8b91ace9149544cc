import "server-only";
import { db } from "@/lib/db";
import { NotFound } from "@/lib/errors";
import type { Member } from "@/lib/auth/session";
import type { Locale } from "@/lib/i18n/config";
import { inOrganisation } from "@/lib/orgs/scope";

async function membershipOf(member: Member) {
  const membership = await db.membership.findUnique({ where: { userId_organisationId: { userId: member.userId, organisationId: member.organisationId } }, select: { id: true } });
  if (!membership) throw new NotFound();
  return membership;
}

/** The organisation's campaigns (not archived), each with whether the member asked for its daily digest. */
export async function listDigestChoices(member: Member) {
  const membership = await membershipOf(member);
  const campaigns = await db.campaign.findMany({
    where: { ...inOrganisation(member.organisationId), status: { not: "ARCHIVED" } },
    select: { id: true, title: true, digestSubscriptions: { where: { membershipId: membership.id }, select: { id: true } } },
    orderBy: { createdAt: "desc" },
  });
  return campaigns.map((c) => ({ id: c.id, title: c.title, subscribed: c.digestSubscriptions.length > 0 }));
}

/**
 * Turns a member's daily digest of one campaign of their organisation on or
 * off; the digest speaks the language the member uses now.
 */
export async function setDigest(member: Member, input: { campaignId: string; enabled: boolean }, locale: Locale): Promise<void> {
  const membership = await membershipOf(member);
  const campaign = await db.campaign.findFirst({ where: { id: input.campaignId, ...inOrganisation(member.organisationId) }, select: { id: true } });
  if (!campaign) throw new NotFound();
  await db.$transaction(async (tx) => {
    const key = { membershipId: membership.id, campaignId: campaign.id };
    if (input.enabled) {
      await tx.digestSubscription.upsert({ where: { membershipId_campaignId: key }, create: key, update: {} });
      await tx.user.update({ where: { id: member.userId }, data: { locale } });
    } else {
      await tx.digestSubscription.deleteMany({ where: key });
    }
  });
}
