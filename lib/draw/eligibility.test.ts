import { describe, expect, it } from "vitest";
import { eligibleEntries, ineligibilityOf, type DrawCandidate } from "./eligibility";

const at = (minute: number) => new Date(Date.UTC(2026, 10, 1, 10, minute));

function entry(overrides: Partial<DrawCandidate> = {}): DrawCandidate {
  return {
    id: "r1",
    contactId: "c1",
    status: "ACCEPTED",
    submittedAt: at(0),
    confirmedAt: at(1),
    ageOk: true,
    erasedAt: null,
    excludedAt: null,
    contactErasedAt: null,
    ...overrides,
  };
}

const strict = { requireConfirmation: true };

describe("eligibility of one entry", () => {
  it("accepts a confirmed, accepted entry of an adult", () => {
    expect(ineligibilityOf(entry(), strict)).toBeNull();
  });
  it("refuses a rejected entry (honeypot, too fast)", () => {
    expect(ineligibilityOf(entry({ status: "REJECTED" }), strict)).toBe("rejected");
  });
  it("refuses an erased entry, an erased contact and a missing contact", () => {
    expect(ineligibilityOf(entry({ erasedAt: at(5) }), strict)).toBe("erased");
    expect(ineligibilityOf(entry({ contactErasedAt: at(5) }), strict)).toBe("erased");
    expect(ineligibilityOf(entry({ contactId: null }), strict)).toBe("erased");
  });
  it("refuses an entry excluded by hand", () => {
    expect(ineligibilityOf(entry({ excludedAt: at(5) }), strict)).toBe("excluded");
  });
  it("requires a confirmed e-mail only when the campaign says so", () => {
    const unconfirmed = entry({ confirmedAt: null });
    expect(ineligibilityOf(unconfirmed, strict)).toBe("unconfirmed");
    expect(ineligibilityOf(unconfirmed, { requireConfirmation: false })).toBeNull();
  });
  it("does not count an address confirmed through another entry: the entry itself must be confirmed", () => {
    // Anyone can type a known address into another campaign; only this entry's own double opt-in proves it.
    expect(ineligibilityOf(entry({ confirmedAt: null }), strict)).toBe("unconfirmed");
  });
  it("refuses an entry that does not meet the age condition", () => {
    expect(ineligibilityOf(entry({ ageOk: false }), strict)).toBe("age");
  });
});

describe("the eligible list", () => {
  it("keeps one entry per person, the earliest, and orders by submission time then id", () => {
    const report = eligibleEntries(
      [
        entry({ id: "b", contactId: "c2", submittedAt: at(3) }),
        entry({ id: "z", contactId: "c1", submittedAt: at(9) }),
        entry({ id: "a", contactId: "c3", submittedAt: at(3) }),
        entry({ id: "y", contactId: "c1", submittedAt: at(1) }),
        entry({ id: "x", contactId: "c4", status: "REJECTED" }),
        entry({ id: "w", contactId: "c5", excludedAt: at(4) }),
      ],
      strict,
    );
    expect(report.eligibleIds).toEqual(["y", "a", "b"]);
    expect(report.ineligible).toMatchObject({ duplicate: 1, rejected: 1, excluded: 1, erased: 0 });
  });

  it("is the same whatever order the rows arrive in", () => {
    const rows = Array.from({ length: 50 }, (_, i) => entry({ id: `id${i}`, contactId: `c${i}`, submittedAt: at(i % 7) }));
    const a = eligibleEntries(rows, strict).eligibleIds;
    const b = eligibleEntries(rows.slice().reverse(), strict).eligibleIds;
    expect(a).toEqual(b);
  });
});
