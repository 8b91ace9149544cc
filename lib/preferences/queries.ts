import "server-only";
import { db } from "@/lib/db";
import { contactCurrentConsents } from "@/lib/consent/queries";
import { isLocale, type Locale } from "@/lib/i18n/config";
import { contactOfPreferencesToken, readPreferencesToken } from "./links";
import { controllerSelect } from "@/lib/mail/render";

/**
 * The contact a preference-centre link opens, or null when the link is forged,
 * expired or the contact erased (an erased person's links stop working).
 */
export async function contactForPreferences(token: string, now = new Date()) {
  const contactId = contactOfPreferencesToken(token, now);
  if (!contactId) return null;
  const contact = await db.contact.findUnique({
    where: { id: contactId },
    select: {
      id: true,
      organisationId: true,
      email: true,
      firstName: true,
      lastName: true,
      phone: true,
      postalCode: true,
      locale: true,
      erasedAt: true,
      organisation: { select: { ...controllerSelect, salt: true } },
    },
  });
  if (!contact || contact.erasedAt) return null;
  return contact;
}

/**
 * The state of a preference-centre link, for its page and HTTP status: valid,
 * expired (410: the page offers a fresh link) or unknown (404: forged,
 * altered, or its contact erased).
 */
export async function preferencesLinkState(token: string, now = new Date()): Promise<"valid" | "expired" | "unknown"> {
  const link = readPreferencesToken(token, now);
  if (link.state !== "valid") return link.state;
  return (await contactForPreferences(token, now)) ? "valid" : "unknown";
}

/** What the preference centre shows: the person's data, consents and the brand of their latest campaign. */
export async function loadPreferences(token: string) {
  const contact = await contactForPreferences(token);
  if (!contact) return null;
  const [consents, latest] = await Promise.all([
    contactCurrentConsents(contact.organisationId, contact.id),
    db.response.findFirst({ where: { contactId: contact.id }, orderBy: { submittedAt: "desc" }, select: { campaign: { select: { brandColor: true, locale: true } } } }),
  ]);
  const locale: Locale = isLocale(latest?.campaign.locale) ? latest!.campaign.locale as Locale : isLocale(contact.locale) ? (contact.locale as Locale) : "fr";
  return { contact, consents, brandColor: latest?.campaign.brandColor, locale };
}
