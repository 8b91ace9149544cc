import { describe, expect, it } from "vitest";
import { analysisCells, analysisHeader, type AnalysisShape, type AnalysisSourceRow } from "./analysis";

const shape: AnalysisShape = {
  purposes: [
    { id: "news", header: "Consent: news" },
    { id: "profile", header: "Consent: profiling" },
  ],
  profilingPurposeId: "profile",
  questions: [{ id: "q1", label: "Heating" }],
};
const words = { yes: "Yes", no: "No", segments: new Map([["CHAMPIONS", "Champions"]]) };
const options = new Map([["o1", "Pellets"]]);
const row: AnalysisSourceRow = {
  responseId: "r1",
  submittedAt: new Date("2026-12-01T07:30:00Z"),
  confirmedAt: null,
  utmSource: "",
  utmMedium: "print",
  email: "zoe@example.test",
  firstName: "Zoé",
  lastName: "Martin",
  phone: "0612345678",
  postalCode: "01000",
  rScore: 5,
  fScore: 4,
  mScore: 3,
  segment: "CHAMPIONS",
  data: JSON.stringify({ q1: "o1" }),
  consentsTo: new Set(["news", "profile"]),
};

describe("analysis rows", () => {
  it("has the fixed columns, the purposes, the scores then the questions", () => {
    expect(analysisHeader(shape, (k) => k)).toEqual([
      "response_id", "submitted_at", "confirmed_at", "source", "medium", "email", "first_name", "last_name", "phone", "postal_code",
      "Consent: news", "Consent: profiling", "recency_score", "frequency_score", "monetary_score", "segment", "Heating",
    ]);
  });

  it("writes a consenting person's details, codes as codes, instants as instants, scores as numbers", () => {
    expect(analysisCells(row, shape, options, words)).toEqual([
      "r1", { at: row.submittedAt }, null, "direct", "print", "zoe@example.test", "Zoé", "Martin", { code: "0612345678" }, { code: "01000" },
      "Yes", "Yes", 5, 4, 3, "Champions", "Pellets",
    ]);
  });

  it("leaves out the details of someone whose consent does not count, and keeps their answers", () => {
    const cells = analysisCells({ ...row, consentsTo: new Set() }, shape, options, words);
    expect(cells.slice(5, 10)).toEqual(["", "", "", "", ""]);
    expect(cells.at(-1)).toBe("Pellets");
    expect(JSON.stringify(cells)).not.toContain("zoe@");
  });

  it("leaves out the scores without consent to the profiling purpose; without such a purpose, scores stay (legitimate interest)", () => {
    const newsOnly = analysisCells({ ...row, consentsTo: new Set(["news"]) }, shape, options, words);
    expect(newsOnly.slice(5, 6)).toEqual(["zoe@example.test"]);
    expect(newsOnly.slice(12, 16)).toEqual([null, null, null, ""]);
    const noProfiling = analysisCells({ ...row, consentsTo: new Set() }, { ...shape, profilingPurposeId: null }, options, words);
    expect(noProfiling.slice(12, 16)).toEqual([5, 4, 3, "Champions"]);
  });
});
