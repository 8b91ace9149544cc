import { describe, expect, it } from "vitest";
import { ledgerDayRange } from "./filters";

// The ledger's day filters use the one time-zone module: a day is its local midnights, 23 or 25 hours
// when the clocks change (24 hours added to the first midnight was an hour off on those days).

describe("ledgerDayRange", () => {
  it("covers a whole Paris day, 25 hours when the clocks go back", () => {
    expect(ledgerDayRange("2026-10-25", "2026-10-25")).toEqual({ gte: new Date("2026-10-24T22:00:00Z"), lt: new Date("2026-10-25T23:00:00Z") });
  });

  it("covers 23 hours when the clocks go forward", () => {
    expect(ledgerDayRange("2026-03-29", "2026-03-29")).toEqual({ gte: new Date("2026-03-28T23:00:00Z"), lt: new Date("2026-03-29T22:00:00Z") });
  });

  it("takes each bound alone, and ignores a day the calendar does not have", () => {
    expect(ledgerDayRange("2026-06-01", undefined)).toEqual({ gte: new Date("2026-05-31T22:00:00Z") });
    expect(ledgerDayRange(undefined, "2026-06-01")).toEqual({ lt: new Date("2026-06-01T22:00:00Z") });
    expect(ledgerDayRange("2026-02-31", "2026-02-31")).toEqual({});
  });

  it("finds local midnight where the zone's offset at UTC midnight differs (Auckland, clocks forward)", () => {
    expect(ledgerDayRange("2026-09-27", "2026-09-27", "Pacific/Auckland")).toEqual({ gte: new Date("2026-09-26T12:00:00Z"), lt: new Date("2026-09-27T11:00:00Z") });
  });
});
