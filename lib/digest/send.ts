import "server-only";
import { db } from "@/lib/db";
import { isLocale } from "@/lib/i18n/config";
import { queueMail } from "@/lib/mail/outbox";
import { digestMail } from "./mail";
import { digestSlot } from "./schedule";

type DigestReport = { sent: number; empty: number; skipped: number };

/**
 * Sends today's digests that are due: for each member's wish, one per
 * campaign and local day. The day's row (unique member, campaign, day) is the
 * claim: it is inserted in the transaction that counts the entries and
 * queues the mail, so of two workers or instances only one commits it, and
 * the other's transaction (mail included) is undone. A day with nothing new
 * is claimed without a mail. Counts accepted entries only.
 */
export async function runDigests(now = new Date()): Promise<DigestReport> {
  const report: DigestReport = { sent: 0, empty: 0, skipped: 0 };
  const wishes = await db.digestSubscription.findMany({
    where: { campaign: { status: { not: "ARCHIVED" } } },
    select: {
      createdAt: true,
      membershipId: true,
      membership: { select: { organisationId: true, user: { select: { email: true, name: true, locale: true } } } },
      campaign: { select: { id: true, title: true, timeZone: true, organisationId: true } },
    },
    orderBy: { id: "asc" },
  });
  for (const wish of wishes) {
    // A campaign moved or a membership of another organisation can never mail (defence in depth).
    if (wish.campaign.organisationId !== wish.membership.organisationId) continue;
    const { day, due } = digestSlot(now, wish.campaign.timeZone);
    if (!due) continue;
    const key = { membershipId: wish.membershipId, campaignId: wish.campaign.id, day };
    if (await db.digestSend.findUnique({ where: { membershipId_campaignId_day: key }, select: { id: true } })) continue;
    try {
      const mailed = await db.$transaction(async (tx) => {
        const last = await tx.digestSend.findFirst({ where: { membershipId: wish.membershipId, campaignId: wish.campaign.id }, orderBy: { until: "desc" }, select: { until: true } });
        const since = last?.until ?? wish.createdAt;
        const [count, total] = await Promise.all([
          tx.response.count({ where: { campaignId: wish.campaign.id, status: "ACCEPTED", submittedAt: { gte: since, lt: now } } }),
          tx.response.count({ where: { campaignId: wish.campaign.id, status: "ACCEPTED" } }),
        ]);
        const send = await tx.digestSend.create({ data: { ...key, since, until: now, count } });
        if (count === 0) return false;
        const user = wish.membership.user;
        const mail = digestMail({ locale: isLocale(user.locale) ? user.locale : "fr", memberName: user.name, campaign: wish.campaign, count, total, since });
        const mailId = await queueMail(tx, { organisationId: wish.campaign.organisationId, to: user.email, kind: "digest", ...mail });
        await tx.digestSend.update({ where: { id: send.id }, data: { mailId } });
        return true;
      });
      if (mailed) report.sent += 1;
      else report.empty += 1;
    } catch (error) {
      // Another worker claimed this day first: its mail is the one.
      if ((error as { code?: string }).code === "P2002") report.skipped += 1;
      else throw error;
    }
  }
  return report;
}
