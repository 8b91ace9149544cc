import { describe, expect, it } from "vitest";
import { filtersQuery, hasFilters, parseLeadFilters } from "./filters";

describe("lead filters from the URL", () => {
  it("reads every filter", () => {
    const f = parseLeadFilters({ q: " dupont ", segment: "CHAMPIONS", r: "5", f: "4", m: "1", purpose: "p1", confirmed: "yes", draw: "loser", source: "qr", from: "2026-11-01", to: "2026-11-30", sort: "rScore", dir: "asc", page: "3" });
    expect(f).toMatchObject({ q: "dupont", segment: "CHAMPIONS", r: 5, f: 4, m: 1, purpose: "p1", confirmed: "yes", draw: "loser", source: "qr", from: "2026-11-01", to: "2026-11-30", sort: "rScore", dir: "asc", page: 3 });
    expect(hasFilters(f)).toBe(true);
  });

  it("falls back to no filter on malformed values instead of failing", () => {
    const f = parseLeadFilters({ r: "9", confirmed: "maybe", draw: "king", from: "yesterday", sort: "password", dir: "up", page: "-2", q: "" });
    expect(f).toEqual({ sort: "submittedAt", dir: "desc", page: 1, q: undefined, segment: undefined, r: undefined, f: undefined, m: undefined, purpose: undefined, confirmed: undefined, draw: undefined, source: undefined, campaign: undefined, from: undefined, to: undefined });
    expect(hasFilters(f)).toBe(false);
  });

  it("takes the first of repeated values and builds links without defaults", () => {
    const f = parseLeadFilters({ segment: ["LOST", "CHAMPIONS"] });
    expect(f.segment).toBe("LOST");
    expect(filtersQuery(f)).toBe("?segment=LOST");
    expect(filtersQuery(f, { page: 2, sort: "email", dir: "asc" })).toBe("?segment=LOST&sort=email&dir=asc&page=2");
  });
});
