import { describe, expect, it } from "vitest";
import { defaultRfmScores, rfmScoresOf, type ScoredQuestion } from "./score";

const tagged = (id: string, tag: string | null, scores: Array<number | null>): ScoredQuestion => ({
  id,
  rfmTag: tag,
  options: scores.map((s, i) => ({ id: `${id}-${i}`, rfmScore: s })),
});

const questions = [tagged("last", "R", [5, 3, 1]), tagged("often", "F", [5, 4, 2, 1]), tagged("budget", "M", [1, 3, 5]), tagged("colour", null, [5, 5])];

describe("R/F/M scores of a response", () => {
  it("takes the chosen option's score for each tag", () => {
    expect(rfmScoresOf(questions, { last: "last-0", often: "often-2", budget: "budget-1", colour: "colour-0" })).toEqual({ r: 5, f: 2, m: 3 });
  });
  it("gives null for a tag whose question was not answered", () => {
    expect(rfmScoresOf(questions, { last: "last-2" })).toEqual({ r: 1, f: null, m: null });
  });
  it("ignores untagged questions, unknown options and options without a score", () => {
    expect(rfmScoresOf([...questions, tagged("x", "R", [null])], { x: "x-0", budget: "nope" })).toEqual({ r: null, f: null, m: null });
  });
  it("rounds the mean when several questions carry one tag", () => {
    expect(rfmScoresOf([tagged("a", "R", [5]), tagged("b", "R", [2])], { a: "a-0", b: "b-0" })).toEqual({ r: 4, f: null, m: null });
  });
  it("ignores multiple-choice style arrays", () => {
    expect(rfmScoresOf(questions, { last: ["last-0"] })).toEqual({ r: null, f: null, m: null });
  });
});

describe("default scores proposed by the builder", () => {
  it("spreads 5 down to 1 over the options", () => {
    expect(defaultRfmScores(5)).toEqual([5, 4, 3, 2, 1]);
    expect(defaultRfmScores(3)).toEqual([5, 3, 1]);
    expect(defaultRfmScores(4)).toEqual([5, 4, 2, 1]);
    expect(defaultRfmScores(1)).toEqual([5]);
  });
});
