import "server-only";
import { db } from "@/lib/db";
import { recordAudit } from "@/lib/audit";
import { Invalid } from "@/lib/errors";
import type { Member } from "@/lib/auth/session";
import { inOrganisation } from "@/lib/orgs/scope";
import { queueMail } from "@/lib/mail/outbox";
import { isLocale } from "@/lib/i18n/config";
import { campaignOf } from "./queries";
import { winnerMail } from "./winner-mail";
import { campaignLogoUrl } from "@/lib/mail/brand";
import { greetingName } from "@/lib/submission/identity";

// Kept apart from queries.ts so drawing never loads the mail templates.

/** True once the winners of this draw have been e-mailed. */
export async function winnersNotified(organisationId: string, drawId: string): Promise<boolean> {
  const draw = await db.draw.findFirst({ where: { id: drawId, campaign: inOrganisation(organisationId) }, select: { notifiedAt: true } });
  return draw?.notifiedAt != null;
}

/** Queues the winner notification of the active draw, once per draw; returns how many mails were queued. */
export async function notifyWinners(member: Member, campaignId: string, drawId: string): Promise<number> {
  return db.$transaction(async (tx) => {
    const campaign = await campaignOf(tx, member.organisationId, campaignId);
    const draw = await tx.draw.findFirst({ where: { id: drawId, campaignId, supersededAt: null }, select: { id: true } });
    if (!draw) throw new Invalid("draw.errors.notActive");
    // The claim: one conditional update, so two clicks at once queue one set of mails.
    const claimed = await tx.draw.updateMany({ where: { id: draw.id, notifiedAt: null }, data: { notifiedAt: new Date() } });
    if (claimed.count !== 1) throw new Invalid("draw.errors.alreadyNotified");
    const organisation = await tx.organisation.findUniqueOrThrow({ where: { id: member.organisationId } });
    const winners = await tx.drawEntry.findMany({
      where: { drawId: draw.id, role: "WINNER" },
      orderBy: { rank: "asc" },
      select: { response: { select: { id: true, locale: true, excludedAt: true, erasedAt: true, contact: { select: { id: true, email: true, firstName: true, emailConfirmedAt: true, erasedAt: true } } } } },
    });
    let queued = 0;
    for (const { response } of winners) {
      const contact = response.contact;
      if (!contact || contact.erasedAt || response.erasedAt || response.excludedAt) continue;
      const mail = winnerMail({
        locale: isLocale(response.locale) ? response.locale : "fr",
        organisation,
        campaignTitle: campaign.title,
        prize: campaign.prize,
        firstName: greetingName(contact) ?? "",
        brandColor: campaign.brandColor,
        logoUrl: campaignLogoUrl(campaign),
        contactId: contact.id,
      });
      await queueMail(tx, { organisationId: member.organisationId, to: contact.email, kind: "draw.winner", ...mail });
      queued++;
    }
    await recordAudit(tx, { organisationId: member.organisationId, userId: member.userId, actorLabel: member.email, action: "draw.notify", targetType: "draw", targetId: draw.id, details: { campaignId, queued } });
    return queued;
  });
}
