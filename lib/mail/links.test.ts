import { describe, expect, it } from "vitest";
import { extractLinks } from "./links";

describe("extractLinks", () => {
  it("finds absolute links in order, trims trailing punctuation, drops duplicates", () => {
    const text = "Confirmer : http://localhost:3000/c/abc_DEF-1\nVoir https://ex.test/p/x.y?desabonnement=1. Et http://localhost:3000/c/abc_DEF-1";
    expect(extractLinks(text)).toEqual(["http://localhost:3000/c/abc_DEF-1", "https://ex.test/p/x.y?desabonnement=1"]);
    expect(extractLinks("aucun lien")).toEqual([]);
  });
});
