import { describe, expect, it } from "vitest";
import { scaleSummary } from "./nps";
import { isNpsRange, scalePresetOf, scaleRange } from "@/lib/campaigns/scale";

describe("scaleSummary", () => {
  it("gives the average and the NPS of a 0–10 scale", () => {
    // 10 answers: 5 promoters (9, 10), 2 passives (7, 8), 3 detractors (0–6).
    const counts = new Map([[10, 3], [9, 2], [8, 1], [7, 1], [6, 1], [3, 1], [0, 1]]);
    const s = scaleSummary({ min: 0, max: 10 }, counts);
    expect(s.answers).toBe(10);
    expect(s.average).toBeCloseTo((30 + 18 + 8 + 7 + 6 + 3 + 0) / 10, 10);
    expect(s.nps).toEqual({ promoters: 5, passives: 2, detractors: 3, promotersPercent: 50, detractorsPercent: 30, score: 20 });
  });

  it("goes from -100 (all detractors) to 100 (all promoters)", () => {
    expect(scaleSummary({ min: 0, max: 10 }, new Map([[2, 4]])).nps!.score).toBe(-100);
    expect(scaleSummary({ min: 0, max: 10 }, new Map([[10, 1], [9, 1]])).nps!.score).toBe(100);
  });

  it("gives only the average on a 1–5 scale, and nothing without answers", () => {
    const s = scaleSummary({ min: 1, max: 5 }, new Map([[5, 1], [4, 2], [1, 1]]));
    expect(s).toEqual({ answers: 4, average: 3.5, nps: null });
    expect(scaleSummary({ min: 0, max: 10 }, new Map())).toEqual({ answers: 0, average: null, nps: null });
  });

  it("keeps values outside the range at its ends, as the histogram does", () => {
    expect(scaleSummary({ min: 1, max: 5 }, new Map([[9, 1], [1, 1]])).average).toBe(3);
  });
});

describe("scale presets", () => {
  it("knows 1–5, 0–10 and 1–10, and reads older questions as 1–10", () => {
    expect(scalePresetOf(0, 10)).toBe("0-10");
    expect(scalePresetOf(1, 5)).toBe("1-5");
    expect(scalePresetOf(2, 7)).toBeNull();
    expect(scaleRange({})).toEqual({ min: 1, max: 10 });
    expect(scaleRange({ min: 0, max: 10 })).toEqual({ min: 0, max: 10 });
    expect(isNpsRange(scaleRange({ min: 0, max: 10 }))).toBe(true);
    expect(isNpsRange(scaleRange({ min: 1, max: 5 }))).toBe(false);
  });
});
