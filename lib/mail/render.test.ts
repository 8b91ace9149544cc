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
});
