import { describe, expect, it } from "vitest";
import { localeFromAcceptLanguage } from "./accept-language";

describe("the language of a visitor whose campaign is unknown", () => {
  it("takes the first of our languages by weight, French otherwise", () => {
    expect(localeFromAcceptLanguage("en-GB,en;q=0.9,fr;q=0.8")).toBe("en");
    expect(localeFromAcceptLanguage("de-DE,de;q=0.9,en;q=0.5,fr;q=0.7")).toBe("fr");
    expect(localeFromAcceptLanguage("de, en;q=0.1")).toBe("en");
    expect(localeFromAcceptLanguage("de")).toBe("fr");
    expect(localeFromAcceptLanguage(null)).toBe("fr");
    expect(localeFromAcceptLanguage("en;q=0, fr")).toBe("fr");
  });
});
