import { beforeAll, describe, expect, it } from "vitest";
import { useFreshDatabase } from "../test-db";
import { enter, latestConfirmationToken, owner, publishedContest, type PublishedCampaign } from "./entry-fixtures";

useFreshDatabase();

const DAY = 86_400_000;

/** SPEC "Links expire and say so", and the outbox shows mails with their links redacted. */
describe("links expire and say so", () => {
  let campaign: PublishedCampaign;
  let organisationId: string;
  beforeAll(async () => {
    const member = await owner("owner@links.test", "Liens SAS");
    organisationId = member.organisationId;
    campaign = await publishedContest(member, "Campagne liens", "Recevoir les offres par e-mail");
  });

  it("a preference link stops giving access after 90 days; the page's state says expired, a forged one unknown", async () => {
    const { db } = await import("@/lib/db");
    const { preferencesToken } = await import("@/lib/preferences/links");
    const { contactForPreferences, preferencesLinkState } = await import("@/lib/preferences/queries");
    await enter(campaign, { email: "prefs@exemple.fr", firstName: "Pia" });
    const contact = await db.contact.findFirstOrThrow({ where: { email: "prefs@exemple.fr" } });
    const sent = new Date(Date.now() - 91 * DAY);
    const old = preferencesToken(contact.id, sent);
    expect(await contactForPreferences(old, new Date(sent.getTime() + DAY))).not.toBeNull();
    // 91 days later: no data, no download, no erasure through it.
    expect(await contactForPreferences(old)).toBeNull();
    expect(await preferencesLinkState(old)).toBe("expired");
    expect(await preferencesLinkState(preferencesToken(contact.id))).toBe("valid");
    expect(await preferencesLinkState(preferencesToken(contact.id).replace(contact.id, "cm0forged"))).toBe("unknown");
    // The link pages answer 410 for it, 404 for a forged one (lib/links: the proxy's status table).
    const { linkStateOf } = await import("@/lib/links/inspect");
    const { linkHttpStatus } = await import("@/lib/links/link-state");
    expect(linkHttpStatus(await linkStateOf("preferences", old))).toBe(410);
    expect(linkHttpStatus(await linkStateOf("preferences", preferencesToken(contact.id).replace(contact.id, "cm0forged")))).toBe(404);
    expect(linkHttpStatus(await linkStateOf("preferences", preferencesToken(contact.id)))).toBe(200);
  });

  it("a resend makes the earlier confirmation links expire: only the newest confirms", async () => {
    const { resendConfirmation } = await import("@/lib/optin/resend");
    const { confirmOptIn, inspectConfirmation } = await import("@/lib/optin/confirm");
    const email = "resend@exemple.fr";
    const { responseId } = await enter(campaign, { email, firstName: "Rémi" });
    const first = await latestConfirmationToken(email);
    await new Promise((r) => setTimeout(r, 5));
    expect(await resendConfirmation(responseId)).toBe("sent");
    const second = await latestConfirmationToken(email);
    expect(second).not.toBe(first);
    expect((await inspectConfirmation(first)).state).toBe("expired");
    expect((await confirmOptIn(first, { userAgent: "t", ipHash: () => "h" })).state).toBe("expired");
    expect((await inspectConfirmation(second)).state).toBe("valid");
    expect((await confirmOptIn(second, { userAgent: "t", ipHash: () => "h" })).state).toBe("confirmed");
  });

  it("'send me a fresh link' mails a working link to a known address, answers the same for an unknown one, and is limited", async () => {
    const { db } = await import("@/lib/db");
    const { requestFreshPreferencesLink, FRESH_LINK_MAIL_KIND, FRESH_LINKS_PER_DAY } = await import("@/lib/preferences/fresh-link");
    const { requestFreshLinkAction } = await import("@/lib/preferences/actions");
    const { contactForPreferences } = await import("@/lib/preferences/queries");
    await enter(campaign, { email: "fresh@exemple.fr", firstName: "Flo" });
    const redirectOf = async (email: string) => {
      const form = new FormData();
      form.set("email", email);
      form.set("locale", "fr");
      try {
        await requestFreshLinkAction(form);
      } catch (error) {
        return String((error as { digest?: string }).digest);
      }
      throw new Error("no redirect");
    };
    const known = await redirectOf("Fresh@Exemple.fr");
    const unknown = await redirectOf("nobody@exemple.fr");
    expect(known).toContain("/nouveau-lien?envoye=1");
    expect(unknown).toBe(known);
    expect(await db.outboxMail.count({ where: { toAddress: "nobody@exemple.fr" } })).toBe(0);
    const mail = await db.outboxMail.findFirstOrThrow({ where: { toAddress: "fresh@exemple.fr", kind: FRESH_LINK_MAIL_KIND } });
    const token = decodeURIComponent(/\/p\/([^\s"<]+)/.exec(mail.text)![1]!);
    expect((await contactForPreferences(token))?.email).toBe("fresh@exemple.fr");
    // The limit lives in the database (the outbox): a day holds FRESH_LINKS_PER_DAY mails at most.
    for (let i = 1; i < FRESH_LINKS_PER_DAY; i++) expect(await requestFreshPreferencesLink("fresh@exemple.fr")).toBe(1);
    expect(await requestFreshPreferencesLink("fresh@exemple.fr")).toBe(0);
    expect(await redirectOf("fresh@exemple.fr")).toBe(known);
    expect(await db.outboxMail.count({ where: { toAddress: "fresh@exemple.fr", kind: FRESH_LINK_MAIL_KIND } })).toBe(FRESH_LINKS_PER_DAY);
  });

  it("the outbox shows mails with their confirmation, preference and unsubscribe links redacted", async () => {
    const { db } = await import("@/lib/db");
    const { getOutboxMail } = await import("@/lib/mail/queries");
    const email = "outbox@exemple.fr";
    await enter(campaign, { email, firstName: "Otto" });
    const token = await latestConfirmationToken(email);
    const stored = await db.outboxMail.findFirstOrThrow({ where: { toAddress: email, kind: "optin.confirmation" } });
    // The mail itself (what the worker sends) keeps its links.
    expect(stored.text).toContain(encodeURIComponent(token));
    const shown = await getOutboxMail(organisationId, stored.id);
    const prefsToken = /\/p\/([^\s"<]+)/.exec(stored.text)![1]!;
    for (const part of [shown.text, shown.html, shown.headers]) {
      expect(part).not.toContain(encodeURIComponent(token));
      expect(part).not.toContain(prefsToken);
      expect(part).not.toMatch(/unsubscribe\?t=[A-Za-z0-9]/);
    }
    expect(shown.text).toContain("/c/[•••]");
  });
});
