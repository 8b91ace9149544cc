import { NextRequest } from "next/server";
import { beforeAll, describe, expect, it } from "vitest";
import { useFreshDatabase } from "../test-db";
import { entryData, owner, publishedContest, type Person, type PublishedCampaign } from "./entry-fixtures";

useFreshDatabase();

/**
 * No oracle: a second entry with an address that already entered gets the
 * answer of a new entry (status, headers, body, thank-you page), stores
 * nothing, and the address's owner is mailed instead (rate-limited).
 */
describe("an entry with an address that already entered", () => {
  let c: PublishedCampaign;
  let ip = 0;
  beforeAll(async () => {
    c = await publishedContest(await owner("owner@repeat.test", "Poêles Repeat"), "Gagnez un poêle", "Recevoir les offres de Poêles Repeat par e-mail");
  });

  /** Posts the form as the browser does (same origin, a start token from 5 s ago). */
  async function post(person: Person): Promise<Response> {
    const { POST } = await import("@/app/api/f/[slug]/submit/route");
    const { startToken } = await import("@/lib/submission/start-token");
    const body = JSON.stringify({ ...entryData(c, person), startToken: startToken(c.campaignId, Date.now() - 5000) });
    ip++;
    const request = new NextRequest(`http://localhost/api/f/${c.slug}/submit`, {
      method: "POST",
      headers: { origin: "http://localhost", host: "localhost", "content-type": "application/json", "x-forwarded-for": `198.51.100.${ip}` },
      body,
    });
    return POST(request, { params: Promise.resolve({ slug: c.slug }) });
  }

  async function counts() {
    const { db } = await import("@/lib/db");
    return {
      responses: await db.response.count(),
      answers: await db.answer.count(),
      consents: await db.consentRecord.count(),
      contacts: await db.contact.count(),
      tokens: await db.optInToken.count(),
      confirmationMails: await db.outboxMail.count({ where: { kind: "optin.confirmation" } }),
    };
  }

  /** The thank-you URL with the entry id and the signature blanked: what may differ between two entries. */
  const withoutIds = (url: string) => url.replace(/r=[^&]+/, (r) => decodeURIComponent(r).replace(/^r=c[0-9a-z]+~/, "r=ID~").replace(/\.[\w-]+$/, ".MAC"));

  it("answers exactly like a new entry, stores nothing, and mails the address's owner", async () => {
    const { db } = await import("@/lib/db");
    const first = await post({ email: "xavier@exemple.fr", firstName: "Xavier" });
    const before = await counts();
    const contactBefore = await db.contact.findFirstOrThrow({ where: { email: "xavier@exemple.fr" } });

    const repeat = await post({ email: "Xavier+promo@exemple.fr", firstName: "Usurpateur", consent: true });

    expect(repeat.status).toBe(201);
    expect(repeat.status).toBe(first.status);
    expect([...repeat.headers.entries()].sort()).toEqual([...first.headers.entries()].sort());
    const [a, b] = [(await first.json()) as { ok: boolean; thanksUrl: string }, (await repeat.json()) as { ok: boolean; thanksUrl: string }];
    expect(Object.keys(b)).toEqual(Object.keys(a));
    expect(b.ok).toBe(true);
    expect(withoutIds(b.thanksUrl)).toEqual(withoutIds(a.thanksUrl));
    expect(b.thanksUrl).not.toEqual(a.thanksUrl);

    // Nothing new is stored: no response, answer, consent, token or confirmation mail; the contact unchanged.
    expect(await counts()).toEqual(before);
    expect(await db.contact.findFirstOrThrow({ where: { email: "xavier@exemple.fr" } })).toEqual(contactBefore);

    // The mail: to the address that entered, with the legal footer.
    const mails = await db.outboxMail.findMany({ where: { kind: "entry.repeat" } });
    expect(mails).toHaveLength(1);
    expect(mails[0]).toMatchObject({ toAddress: "xavier@exemple.fr", organisationId: contactBefore.organisationId });
    expect(mails[0]!.subject).toBe("Vous avez déjà participé – Gagnez un poêle");
    expect(mails[0]!.text).toContain("Cette nouvelle participation n'a pas été enregistrée");
    expect(mails[0]!.text).toContain("Pourquoi recevez-vous cet e-mail");
    expect(mails[0]!.text).toContain("Se désabonner en un clic");
    expect(mails[0]!.text + mails[0]!.html).not.toContain("Usurpateur");
    expect(JSON.parse(mails[0]!.headers)).toMatchObject({ "List-Unsubscribe-Post": "List-Unsubscribe=One-Click" });
  });

  it("shows the same thank-you page, and its resend button answers the same", async () => {
    const { findEntryForThanks } = await import("@/lib/submission/load");
    const { verifySignedValue } = await import("@/lib/crypto/sign");
    const { resendConfirmation } = await import("@/lib/optin/resend");
    const { db } = await import("@/lib/db");
    const reference = async (res: Response) => verifySignedValue("thanks", new URL(((await res.json()) as { thanksUrl: string }).thanksUrl, "http://localhost").searchParams.get("r")!)!;
    const fresh = await reference(await post({ email: "yvonne@exemple.fr", firstName: "Yvonne" }));
    const repeat = await reference(await post({ email: "yvonne@exemple.fr", firstName: "Yvonne" }));
    const page = async (ref: string) => {
      const entry = (await findEntryForThanks(c.slug, ref))!;
      return { ...entry, responseId: "ID" };
    };
    expect(await page(repeat)).toEqual(await page(fresh));
    expect((await page(fresh)).email).toBe("y•••@exemple.fr");
    const mailsBefore = await db.outboxMail.count();
    expect(await resendConfirmation(repeat)).toBe("sent");
    expect(await db.outboxMail.count()).toBe(mailsBefore);
    expect(await resendConfirmation(fresh)).toBe("sent");
  });

  it("mails an address at most twice a day however often it is tried", async () => {
    const { db } = await import("@/lib/db");
    const { REPEAT_MAIL_LIMIT } = await import("@/lib/submission/repeat-entry");
    for (let i = 0; i < 4; i++) expect((await post({ email: "xavier@exemple.fr", firstName: "Xavier" })).status).toBe(201);
    expect(await db.outboxMail.count({ where: { kind: "entry.repeat", toAddress: "xavier@exemple.fr" } })).toBe(REPEAT_MAIL_LIMIT);
  });

  it("20 simultaneous entries of one new address: 20 answers alike, one entry, one confirmation, a bounded number of warnings", async () => {
    const { db } = await import("@/lib/db");
    const { submitResponse } = await import("@/lib/submission/submit");
    const { REPEAT_MAIL_LIMIT } = await import("@/lib/submission/repeat-entry");
    const data = entryData(c, { email: "crowd@exemple.fr", firstName: "Zoé" });
    const results = await Promise.all(Array.from({ length: 20 }, () => submitResponse({ slug: c.slug, data }, { fillMs: 5000 })));
    expect(results.filter((r) => r.status === "ACCEPTED")).toHaveLength(1);
    expect(results.filter((r) => r.status === "REPEAT")).toHaveLength(19);
    expect(await db.response.count({ where: { campaignId: c.campaignId, dedupeKey: "crowd@exemple.fr" } })).toBe(1);
    expect(await db.outboxMail.count({ where: { toAddress: "crowd@exemple.fr", kind: "optin.confirmation" } })).toBe(1);
    expect(await db.outboxMail.count({ where: { toAddress: "crowd@exemple.fr", kind: "entry.repeat" } })).toBe(REPEAT_MAIL_LIMIT);
  });
});
