import { describe, expect, it } from "vitest";
import { SLUG_PATTERN, slugify, withSuffix } from "./slug";

describe("slugs", () => {
  it("fold accents and punctuation", () => {
    expect(slugify("Gagnez un poêle à granulés !")).toBe("gagnez-un-poele-a-granules");
    expect(slugify("Œuvre & cœur")).toBe("oeuvre-coeur");
  });
  it("are always valid, even from short or empty titles", () => {
    for (const title of ["a", "", "!!!", "x".repeat(200)]) expect(slugify(title)).toMatch(SLUG_PATTERN);
    expect(withSuffix("demo", () => 0.5)).toMatch(/^demo-[a-z0-9]{4}$/);
  });
});
