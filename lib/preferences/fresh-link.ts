import "server-only";
import { db } from "@/lib/db";
import { isLocale } from "@/lib/i18n/config";
import { queueMail } from "@/lib/mail/outbox";
import { controllerSelect } from "@/lib/mail/render";
import { freshLinkMail } from "@/lib/mail/templates/fresh-link";
import { normaliseEmail } from "@/lib/submission/email";

/** At most this many fresh links per address and organisation in a day (counted in the outbox, so across processes). */
export const FRESH_LINKS_PER_DAY = 3;
const DAY_MS = 86_400_000;
export const FRESH_LINK_MAIL_KIND = "preferences.fresh-link";

/**
 * "Send me a fresh link": queues a mail with a new preference-centre link to
 * the address, once for each organisation that knows it (not erased), unless
 * that organisation already sent it FRESH_LINKS_PER_DAY of them in the last
 * day. The caller answers the same whatever happened, so the page tells no
 * one whether an address is known; the count returned is for tests.
 */
export async function requestFreshPreferencesLink(email: string, now = new Date()): Promise<number> {
  const address = normaliseEmail(email);
  const contacts = await db.contact.findMany({
    where: { email: address, erasedAt: null },
    select: { id: true, email: true, locale: true, organisationId: true, organisation: { select: controllerSelect } },
    take: 20,
  });
  let queued = 0;
  for (const contact of contacts) {
    queued += await db.$transaction(async (tx) => {
      const recent = await tx.outboxMail.count({
        where: { organisationId: contact.organisationId, toAddress: contact.email, kind: FRESH_LINK_MAIL_KIND, createdAt: { gt: new Date(now.getTime() - DAY_MS) } },
      });
      if (recent >= FRESH_LINKS_PER_DAY) return 0;
      const mail = freshLinkMail({ locale: isLocale(contact.locale) ? contact.locale : "fr", organisation: contact.organisation, contactId: contact.id, now });
      await queueMail(tx, { organisationId: contact.organisationId, to: contact.email, kind: FRESH_LINK_MAIL_KIND, ...mail });
      return 1;
    });
  }
  return queued;
}
