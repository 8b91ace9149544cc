import { describe, expect, it } from "vitest";
import { foldForSearch } from "./fold";

describe("foldForSearch", () => {
  it("ignores case, accents and ligatures", () => {
    expect(foldForSearch("Élodie DUPRÉ")).toBe("elodie dupre");
    expect(foldForSearch("ÇA")).toBe("ca");
    expect(foldForSearch("Cœur")).toBe("coeur");
    expect(foldForSearch("jean-françois@exemple.fr")).toBe("jean-francois@exemple.fr");
  });
});

describe("foldForSearch beside PostgreSQL's unaccent", () => {
  it("spells the letters Unicode does not decompose as unaccent does", () => {
    expect(foldForSearch("Łódź")).toBe("lodz");
    expect(foldForSearch("Ørsted Đorđe Þór Æsir Straße")).toBe("orsted dorde thor aesir strasse");
  });
});
