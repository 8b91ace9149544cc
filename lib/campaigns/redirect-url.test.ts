import { describe, expect, it } from "vitest";
import { isHttpUrl } from "./redirect-url";
import { settingsSchema } from "./definition";

const settings = {
  title: "Jeu",
  slug: "jeu-test",
  locale: "fr",
  brandColor: "#112233",
  opensAt: "2026-12-01T10:00",
  closesAt: "2026-12-31T10:00",
  timeZone: "Europe/Paris",
  retentionMonths: 36,
  unconfirmedPurgeDays: 30,
  winnersCount: 1,
  alternatesCount: 0,
  minimumAge: "",
  ageCheck: "BIRTHDATE",
  minorPolicy: "REFUSE",
  requireConfirmation: true,
  rewardUrl: "",
};

describe("isHttpUrl (the thank-you page's redirect)", () => {
  it("accepts absolute http and https addresses", () => {
    for (const url of ["https://exemple.fr", "http://exemple.fr/merci?x=1#y", "HTTPS://Exemple.fr/chemin", "https://127.0.0.1:3000/"]) expect(isHttpUrl(url), url).toBe(true);
  });

  it("refuses every other scheme and every disguise of one", () => {
    for (const url of [
      "javascript:alert(1)",
      "JavaScript:alert(1)",
      " javascript:alert(1)",
      "java\tscript:alert(1)",
      "data:text/html,<script>alert(1)</script>",
      "vbscript:msgbox(1)",
      "file:///etc/passwd",
      "ftp://exemple.fr",
      "//exemple.fr",
      "/merci",
      "https://",
      "https:exemple.fr",
      "https://exemple.fr/\njavascript:alert(1)",
      "https://user:pass@exemple.fr",
      "",
    ])
      expect(isHttpUrl(url), JSON.stringify(url)).toBe(false);
  });

  it("is the builder's rule on the client and the server (one zod schema): a javascript: redirect is refused with its message", () => {
    const refused = settingsSchema.safeParse({ ...settings, thanksRedirectUrl: "javascript:alert(document.cookie)" });
    expect(refused.success).toBe(false);
    expect(refused.error!.issues.map((i) => [i.path.join("."), i.message])).toEqual([["thanksRedirectUrl", "builder.errors.redirectUrl"]]);
    const accepted = settingsSchema.parse({ ...settings, thanksRedirectUrl: " https://exemple.fr/merci ", thanksMessage: "Merci !", rewardDeliveryText: "Voici le guide." });
    expect(accepted).toMatchObject({ thanksRedirectUrl: "https://exemple.fr/merci", thanksMessage: "Merci !", rewardDeliveryText: "Voici le guide." });
    // Older forms without the fields still parse: no message, no redirect.
    expect(settingsSchema.parse(settings)).toMatchObject({ thanksRedirectUrl: "", thanksMessage: "", rewardDeliveryText: "" });
  });
});
