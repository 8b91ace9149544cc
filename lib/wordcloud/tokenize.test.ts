import { describe, expect, it } from "vitest";
import { tokenize } from "./tokenize";
import { parseExclusions } from "./stopwords";
import { answerContains, asciiCore, WordCounter } from "./count";

describe("tokenize (French open answers)", () => {
  it("keeps only the meaningful words of a line of Victor Hugo", () => {
    expect(tokenize("Demain, dès l'aube, à l'heure où blanchit la campagne, Je partirai.")).toEqual([
      "demain",
      "aube",
      "heure",
      "blanchit",
      "campagne",
      "partirai",
    ]);
  });

  it("splits elisions with straight and curly apostrophes", () => {
    expect(tokenize("L’économie d'énergie qu’apporte j'espère n'oublie s'installe c'était m'intéresse t'offre jusqu'ici lorsqu'arrive")).toEqual([
      "économie",
      "énergie",
      "apporte",
      "espère",
      "oublie",
      "installe",
      "intéresse",
      "offre",
      "arrive",
    ]);
  });

  it("folds case but keeps accents in the words shown", () => {
    expect(tokenize("ÉCONOMIES Économies économies")).toEqual(["économies", "économies", "économies"]);
    expect(tokenize("Poêle à granulés")).toEqual(["poêle", "granulés"]);
  });

  it("drops punctuation, numbers and words glued to digits", () => {
    expect(tokenize("Chauffage 2024 : 3kw, 1500 € !!! (pellets) -- « confort » ; mp3 2e")).toEqual(["chauffage", "pellets", "confort"]);
  });

  it("removes French and English stop words, even typed without accents", () => {
    expect(tokenize("Je voudrais que ce soit moins coûteux et plus écologique")).toEqual(["voudrais", "coûteux", "écologique"]);
    expect(tokenize("apres tres")).toEqual([]);
    expect(tokenize("I would like the cheapest heating of all")).toEqual(["cheapest", "heating"]);
  });

  it("keeps hyphenated words but drops those made of stop words", () => {
    expect(tokenize("Un week-end, peut-être, est-ce utile ? Une grand-mère.")).toEqual(["week-end", "utile", "grand-mère"]);
  });

  it("removes the campaign's own exclusions, accents or not", () => {
    const exclusions = parseExclusions("poêle, granulés;\nchauffage");
    expect(tokenize("Un poele à granules pour le chauffage du salon", { exclusions })).toEqual(["salon"]);
  });

  it("gives nothing for empty or symbol-only text", () => {
    expect(tokenize("")).toEqual([]);
    expect(tokenize("?!… 123 — :)")).toEqual([]);
  });
});

describe("WordCounter", () => {
  it("counts answers containing each word, most frequent first", () => {
    const counter = new WordCounter();
    for (const text of ["Le confort, le confort, le confort !", "Moins de bruit et du confort", "Du bruit ? Non.", "Économies"]) counter.add(text);
    expect(counter.answers).toBe(4);
    expect(counter.top()).toEqual([
      { word: "bruit", count: 2 },
      { word: "confort", count: 2 },
      { word: "économies", count: 1 },
    ]);
    expect(counter.top(1)).toEqual([{ word: "bruit", count: 2 }]);
  });

  it("matches an answer to a word by the same rules", () => {
    expect(answerContains("L'économie d'énergie", "économie")).toBe(true);
    expect(answerContains("Les économies", "économie")).toBe(false);
  });
});

describe("asciiCore (the part of a word SQL's LIKE can match whatever the case)", () => {
  it("keeps the longest run of ASCII letters", () => {
    expect(asciiCore("économie")).toBe("conomie");
    expect(asciiCore("week-end")).toBe("week");
    expect(asciiCore("chaleur")).toBe("chaleur");
    expect(asciiCore("été")).toBe("t");
  });
});
