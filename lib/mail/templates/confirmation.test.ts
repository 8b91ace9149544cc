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
});
