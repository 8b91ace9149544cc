import { describe, expect, it } from "vitest";
import { answerValues, parseShowIf, visibility } from "./visibility-rules";

const form = [
  {
    id: "s1",
    questions: [
      { id: "owner", showIf: null },
      { id: "heating", showIf: { questionId: "owner", anyOf: ["yes"] } },
      { id: "brand", showIf: { questionId: "heating", anyOf: ["o-pellet", "o-wood"] } },
    ],
  },
  { id: "s2", showIf: { questionId: "nps", anyOf: ["0", "1", "2", "3", "4", "5", "6"] }, questions: [{ id: "why" }] },
];
// The section above refers to a later question ("nps" is nowhere before it): never shown.
const withScale = [{ id: "s0", questions: [{ id: "nps" }] }, ...form];

describe("visibility", () => {
  it("shows a question when the earlier answer matches, and hides it otherwise", () => {
    expect([...visibility(form, { owner: "yes" }).questions]).toEqual(["owner", "heating"]);
    expect([...visibility(form, { owner: "no" }).questions]).toEqual(["owner"]);
    expect([...visibility(form, {}).questions]).toEqual(["owner"]);
  });

  it("reads checkbox groups as react-hook-form gives them (false, one value, a list)", () => {
    expect(visibility(form, { owner: "yes", heating: ["o-gas", "o-wood"] }).questions.has("brand")).toBe(true);
    expect(visibility(form, { owner: "yes", heating: "o-pellet" }).questions.has("brand")).toBe(true);
    expect(visibility(form, { owner: "yes", heating: false }).questions.has("brand")).toBe(false);
  });

  it("cascades: a question whose source is hidden is hidden, whatever was typed there before", () => {
    // "heating" still holds a value from before the respondent changed their mind on "owner".
    expect([...visibility(form, { owner: "no", heating: "o-pellet" }).questions]).toEqual(["owner"]);
  });

  it("shows a whole section on a scale's values (numbers or their text)", () => {
    expect(visibility(withScale, { nps: 3 }).sections.has("s2")).toBe(true);
    expect(visibility(withScale, { nps: "6" }).questions.has("why")).toBe(true);
    expect(visibility(withScale, { nps: 9 }).sections.has("s2")).toBe(false);
    expect(visibility(withScale, { nps: 9 }).questions.has("why")).toBe(false);
    // Without the earlier scale, the section's source does not exist before it: hidden.
    expect(visibility(form, { nps: 3 }).sections.has("s2")).toBe(false);
  });

  it("answerValues folds every answer shape into text values", () => {
    expect(answerValues(undefined)).toEqual([]);
    expect(answerValues("")).toEqual([]);
    expect(answerValues(7)).toEqual(["7"]);
    expect(answerValues(["a", 2, { x: 1 }])).toEqual(["a", "2"]);
  });
});

describe("parseShowIf", () => {
  it("reads a stored condition and treats anything else as none", () => {
    expect(parseShowIf('{"questionId":"q1","anyOf":["yes"]}')).toEqual({ questionId: "q1", anyOf: ["yes"] });
    for (const bad of [null, "", "{", "[]", '{"questionId":"q1","anyOf":[]}', '{"questionId":1,"anyOf":["a"]}']) expect(parseShowIf(bad)).toBeNull();
  });
});
