import { beforeAll, describe, expect, it } from "vitest";

beforeAll(() => {
  process.env.AUTH_SECRET = "confirmation-test-secret";
  process.env.APP_URL = "https://jeux.example.fr/";
});

const org = { name: "Poêles Durand", legalName: "", address: "", contactEmail: "", dpoName: "", dpoEmail: "dpo@durand.test" };
const base = { organisation: org, campaignTitle: "Gagnez un poêle", contactId: "c1", confirmUrl: "https://jeux.example.fr/c/tok", validDays: 7 };

describe("the confirmation mail", () => {
  it("lists, in their exact wording, the purposes the click confirms (text and HTML, escaped)", async () => {
    const { confirmationMail } = await import("./confirmation");
    const purposes = ["Recevoir les offres de Poêles Durand par e-mail", "Offres des partenaires <Brico & Cie>"];
    const mail = confirmationMail({ ...base, locale: "fr", purposes });
    expect(mail.text).toContain("En cliquant, vous confirmez aussi votre accord pour :\n- Recevoir les offres de Poêles Durand par e-mail\n- Offres des partenaires <Brico & Cie>");
    expect(mail.html).toContain("<li>Recevoir les offres de Poêles Durand par e-mail</li><li>Offres des partenaires &lt;Brico &amp; Cie&gt;</li>");
    expect(mail.text).toContain("Bonjour,");
  });

  it("says so when the entry ticked no purpose, in English too", async () => {
    const { confirmationMail } = await import("./confirmation");
    const fr = confirmationMail({ ...base, locale: "fr", purposes: [] });
    expect(fr.text).toContain("Vous n'avez coché aucune case de consentement");
    expect(fr.html).not.toContain("<li>");
    const en = confirmationMail({ ...base, locale: "en", purposes: ["Receive offers by e-mail"], firstName: "Xavier" });
    expect(en.text).toContain("Hello Xavier,");
    expect(en.text).toContain("By clicking, you also confirm that you agree to:\n- Receive offers by e-mail");
  });

  it("carries the campaign's logo and colour, with the legal footer unchanged", async () => {
    const { confirmationMail } = await import("./confirmation");
    const { campaignLogoUrl } = await import("@/lib/mail/brand");
    const now = new Date("2026-05-04T10:00:00Z");
    const logoUrl = campaignLogoUrl({ slug: "gagnez-un-poele", logoPath: "uploads/logo-1.png" });
    expect(logoUrl).toBe("https://jeux.example.fr/f/gagnez-un-poele/logo");
    expect(campaignLogoUrl({ slug: "gagnez-un-poele", logoPath: null })).toBeUndefined();
    const plain = confirmationMail({ ...base, locale: "fr", purposes: [], now });
    const branded = confirmationMail({ ...base, locale: "fr", purposes: [], now, brandColor: "#0e7c3a", logoUrl });
    expect(branded.html).toContain(`<img src="${logoUrl}" alt="Poêles Durand"`);
    expect(branded.html).toContain("border-top:4px solid #0e7c3a");
    expect(branded.html).toContain("background:#0e7c3a");
    expect(plain.html).not.toContain("<img");
    // The footer (from its rule to the end) is byte for byte the unbranded one; the text part is identical.
    const footer = (html: string) => html.slice(html.indexOf('<tr><td style="padding:16px 24px 24px;border-top:1px solid #e5e7eb'));
    expect(footer(branded.html)).toBe(footer(plain.html));
    expect(footer(branded.html)).toContain("Pourquoi recevez-vous cet e-mail");
    expect(branded.text).toBe(plain.text);
    // A logo address that is not plain http(s) never reaches the HTML.
    const hostile = confirmationMail({ ...base, locale: "fr", purposes: [], now, logoUrl: 'javascript:alert(1)" onerror="x' });
    expect(hostile.html).not.toContain("<img");
  });
});
