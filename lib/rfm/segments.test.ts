import { describe, expect, it } from "vitest";
import { fmScore, SEGMENT_GRID, SEGMENTS, segmentOf } from "./segments";

// The table of docs/rfm.md, written out again on purpose: a change to the
// mapping must change the documentation and this test together.
const EXPECTED: Record<number, string[]> = {
  5: ["NEW", "PROMISING", "POTENTIAL_LOYALISTS", "CHAMPIONS", "CHAMPIONS"],
  4: ["PROMISING", "POTENTIAL_LOYALISTS", "POTENTIAL_LOYALISTS", "LOYAL", "CHAMPIONS"],
  3: ["NEEDS_ATTENTION", "NEEDS_ATTENTION", "POTENTIAL_LOYALISTS", "LOYAL", "LOYAL"],
  2: ["HIBERNATING", "HIBERNATING", "NEEDS_ATTENTION", "AT_RISK", "AT_RISK"],
  1: ["LOST", "LOST", "HIBERNATING", "AT_RISK", "AT_RISK"],
};

describe("RFM segment mapping", () => {
  for (const r of [1, 2, 3, 4, 5]) {
    for (const fm of [1, 2, 3, 4, 5]) {
      it(`R=${r}, FM=${fm} is ${EXPECTED[r]![fm - 1]}`, () => {
        // F = M = fm is the plainest way to reach that FM cell.
        expect(segmentOf({ r, f: fm, m: fm })).toBe(EXPECTED[r]![fm - 1]);
      });
    }
  }

  it("uses every named segment and only those", () => {
    const used = new Set(Object.values(SEGMENT_GRID).flat());
    expect([...used].sort()).toEqual([...SEGMENTS].sort());
  });

  it("combines F and M as their rounded mean, halves up", () => {
    for (let f = 1; f <= 5; f++) {
      for (let m = 1; m <= 5; m++) expect(fmScore(f, m)).toBe(Math.floor((f + m) / 2 + 0.5));
    }
    expect(fmScore(2, 3)).toBe(3);
    expect(fmScore(1, 2)).toBe(2);
    expect(fmScore(4, 5)).toBe(5);
    expect(fmScore(1, 5)).toBe(3);
  });

  it("places all 125 score triples through R and FM", () => {
    for (let r = 1; r <= 5; r++)
      for (let f = 1; f <= 5; f++)
        for (let m = 1; m <= 5; m++) expect(segmentOf({ r, f, m })).toBe(EXPECTED[r]![fmScore(f, m)! - 1]);
  });

  it("lets F or M alone stand for FM when the other is missing", () => {
    expect(segmentOf({ r: 5, f: 5, m: null })).toBe("CHAMPIONS");
    expect(segmentOf({ r: 5, f: null, m: 1 })).toBe("NEW");
    expect(segmentOf({ r: 1, f: null, m: 5 })).toBe("AT_RISK");
  });

  it("leaves a response unplaced when R, or both F and M, are missing", () => {
    expect(segmentOf({ r: null, f: 5, m: 5 })).toBeNull();
    expect(segmentOf({ r: 3, f: null, m: null })).toBeNull();
    expect(segmentOf({ r: null, f: null, m: null })).toBeNull();
  });

  it("refuses scores outside 1–5 or not whole", () => {
    expect(segmentOf({ r: 0, f: 3, m: 3 })).toBeNull();
    expect(segmentOf({ r: 6, f: 3, m: 3 })).toBeNull();
    expect(segmentOf({ r: 2.5, f: 3, m: 3 })).toBeNull();
    expect(segmentOf({ r: 3, f: 9, m: 3 })).toBe("POTENTIAL_LOYALISTS");
  });
});
