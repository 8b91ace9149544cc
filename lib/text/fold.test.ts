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
