import { beforeAll, describe, expect, it } from "vitest";
import { frenchIn } from "@/tests/architecture/french";

beforeAll(() => {
  process.env.AUTH_SECRET = "winner-mail-test-secret";
  process.env.APP_URL = "https://jeux.example.fr/";
});

const organisation = { name: "Poêles Durand", legalName: "", address: "", contactEmail: "", dpoName: "", dpoEmail: "dpo@durand.test" };
const base = { organisation, campaignTitle: "Gagnez un poêle", contactId: "c1" };

describe("the winner mail", () => {
  it("is written in the winner's language, from the message catalogue", async () => {
    const { winnerMail } = await import("./winner-mail");
    const fr = winnerMail({ ...base, locale: "fr", prize: "un poêle à granulés", firstName: "Zoé" });
    expect(fr.subject).toBe("Vous avez gagné : Gagnez un poêle");
    expect(fr.text).toContain("Bonjour Zoé,\n\nBonne nouvelle : vous avez été tiré(e) au sort parmi les participants au jeu « Gagnez un poêle » et vous gagnez : un poêle à granulés.");
    expect(fr.text).toContain("Poêles Durand vous contactera très prochainement");

    const en = winnerMail({ ...base, campaignTitle: "Win a stove", locale: "en", prize: "", firstName: "" });
    expect(en.subject).toBe("You have won: Win a stove");
    expect(en.text).toContain('Hello,\n\nGood news: you were drawn at random among the entrants of "Win a stove".');
    expect(en.text).toContain("you entered the contest \"Win a stove\" run by Poêles Durand");
    // The whole English mail, footer included, minus the organisation's own name: no French left.
    expect(frenchIn(en.text.replaceAll("Poêles Durand", "Stoves Ltd"))).toBeNull();
  });

  it("escapes the campaign's and the organisation's words in HTML", async () => {
    const { winnerMail } = await import("./winner-mail");
    const mail = winnerMail({ ...base, campaignTitle: "Jeu <b>&</b>", locale: "en", prize: "a {prize}", firstName: "" });
    expect(mail.html).toContain("Jeu &lt;b&gt;&amp;&lt;/b&gt;");
    expect(mail.text).toContain("and you win: a {prize}.");
  });
});
