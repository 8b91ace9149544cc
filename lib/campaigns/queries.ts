import "server-only";
import { cache } from "react";
import { db } from "@/lib/db";
import { NotFound } from "@/lib/errors";
import type { Member } from "@/lib/auth/session";
import { inOrganisation } from "@/lib/orgs/scope";

/**
 * A campaign of the member's organisation, or NotFound (another organisation's
 * campaign looks exactly like a missing one). Memoised per request, so the
 * campaign layout and its pages share one read.
 */
export const getCampaignForMember = cache(async (member: Pick<Member, "organisationId">, campaignId: string) => {
  const campaign = await db.campaign.findFirst({ where: { id: campaignId, ...inOrganisation(member.organisationId) } });
  if (!campaign) throw new NotFound("Campagne introuvable.");
  return campaign;
});

/** The organisation's campaigns, newest first, with their number of accepted entries. */
export async function listCampaigns(organisationId: string, opts: { archived?: boolean } = {}) {
  return db.campaign.findMany({
    where: { ...inOrganisation(organisationId), status: opts.archived ? "ARCHIVED" : { not: "ARCHIVED" } },
    orderBy: { createdAt: "desc" },
    select: {
      id: true,
      kind: true,
      status: true,
      title: true,
      slug: true,
      opensAt: true,
      closesAt: true,
      closedManuallyAt: true,
      _count: { select: { responses: { where: { status: "ACCEPTED" } } } },
    },
  });
}
