import { beforeAll, describe, expect, it } from "vitest";

beforeAll(() => {
  process.env.AUTH_SECRET = "render-test-secret";
  process.env.APP_URL = "https://jeux.example.fr/";
});

const org = { name: "Boutique <b>&</b> Co", legalName: "", address: "", contactEmail: "", dpoName: "", dpoEmail: "dpo@boutique.test" };

describe("renderMail", () => {
  it("wraps a body with the legal footer in English, escaping what the organisation typed", async () => {
    const { renderMail } = await import("./render");
    const mail = renderMail({ locale: "en", organisation: org, reason: "You entered “X”.", subject: "Hello\r\nBcc: x@y", bodyHtml: "<p>Body</p>", bodyText: "Body", contactId: "c123", now: new Date("2026-05-04T10:00:00Z") });
    expect(mail.subject).toBe("Hello Bcc: x@y");
    expect(mail.html).toContain("Boutique &lt;b&gt;&amp;&lt;/b&gt; Co");
    expect(mail.html).not.toContain("<b>&</b>");
    expect(mail.text).toContain("Why are you receiving this e-mail? You entered “X”.");
    expect(mail.text).toContain("Unsubscribe in one click: https://jeux.example.fr/p/c123.");
    expect(mail.text).toContain("data protection officer (dpo@boutique.test)");
    expect(mail.text).toContain("To write to us, use your preference centre");
    expect(mail.text).toContain("Sent by Boutique <b>&</b> Co on 4 May 2026.");
    expect(mail.headers).toEqual({ "List-Unsubscribe": expect.stringMatching(/^<https:\/\/jeux\.example\.fr\/api\/unsubscribe\?t=c123\.[\w-]+>$/), "List-Unsubscribe-Post": "List-Unsubscribe=One-Click" });
  });

  it("signs the links per purpose: the unsubscribe token does not open the preference centre", async () => {
    const { preferencesToken, contactOfPreferencesToken, contactOfUnsubscribeToken, unsubscribeUrl } = await import("@/lib/preferences/links");
    const unsubscribeToken = decodeURIComponent(new URL(unsubscribeUrl("c123")).searchParams.get("t")!);
    expect(contactOfUnsubscribeToken(unsubscribeToken)).toBe("c123");
    expect(contactOfPreferencesToken(unsubscribeToken)).toBeNull();
    expect(contactOfPreferencesToken(preferencesToken("c123"))).toBe("c123");
    expect(contactOfPreferencesToken(preferencesToken("c123").replace("c123", "c124"))).toBeNull();
  });

  it("does not call the contact address a data protection officer when no DPO is entered", async () => {
    const { renderMail } = await import("./render");
    const noDpo = { ...org, contactEmail: "contact@boutique.test", dpoEmail: "" };
    for (const locale of ["fr", "en"] as const) {
      const mail = renderMail({ locale, organisation: noDpo, reason: "x", subject: "s", bodyHtml: "", bodyText: "", contactId: "c1" });
      expect(mail.text).not.toMatch(/délégué|data protection officer/i);
      expect(mail.html).not.toMatch(/délégué|data protection officer/i);
      expect(mail.text).toContain(locale === "fr" ? "écrivez-nous à contact@boutique.test" : "write to us at contact@boutique.test");
    }
    const named = renderMail({ locale: "fr", organisation: { ...noDpo, dpoName: "Claire Petit" }, reason: "x", subject: "s", bodyHtml: "", bodyText: "", contactId: "c1" });
    expect(named.text).toContain("délégué à la protection des données, Claire Petit (contact@boutique.test)");
  });
  it("dates the footer through Intl in the mail's language (1er décembre in French, 1 December in English)", async () => {
    const { renderMail } = await import("./render");
    const now = new Date("2026-12-01T10:00:00Z");
    const mail = (locale: "fr" | "en") => renderMail({ locale, organisation: org, reason: "x", subject: "s", bodyHtml: "", bodyText: "", contactId: "c1", now });
    expect(mail("en").text).toContain("on 1 December 2026.");
    expect(mail("en").text).not.toMatch(/décembre/);
    expect(mail("fr").text).toContain("1er décembre 2026");
  });
});
