import { describe, expect, it } from "vitest";
import { REDACTED, redactLinks } from "./redact";

describe("redactLinks", () => {
  it("hides the tokens of confirmation, preference, unsubscribe, reward and invitation links, in text and HTML", () => {
    const text = [
      "Confirmer : https://app.test/c/AbC_123-xyz",
      "Parent : https://app.test/c/parent/QwE-456",
      "Préférences : https://app.test/p/cm1abc.k2j3h4.MacMacMac_-",
      "Effacer : https://app.test/p/cm1abc.k2j3h4.MacMac/effacement",
      '<a href="https://app.test/api/unsubscribe?t=cm1abc.Mac%3D&amp;x=1">',
      "Contenu : https://app.test/api/optin/reward?r=resp1.Mac",
      "Invitation : https://app.test/invitation/Tok3n",
    ].join("\n");
    const out = redactLinks(text);
    for (const secret of ["AbC_123-xyz", "QwE-456", "cm1abc", "MacMac", "resp1", "Tok3n"]) expect(out).not.toContain(secret);
    expect(out).toContain(`https://app.test/c/${REDACTED}`);
    expect(out).toContain(`https://app.test/c/parent/${REDACTED}`);
    expect(out).toContain(`https://app.test/p/${REDACTED}/effacement`);
    expect(out).toContain(`unsubscribe?t=${REDACTED}&amp;x=1`);
  });

  it("leaves other links alone", () => {
    const text = "Règlement : https://app.test/f/jeu-hiver et https://brand.test/page?id=4";
    expect(redactLinks(text)).toBe(text);
  });
});
