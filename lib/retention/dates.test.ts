import { describe, expect, it } from "vitest";
import { addMonths, retentionExpired, retentionMonthsFor, unconfirmedCutoff, unconfirmedExpired } from "./dates";

const iso = (s: string) => new Date(s);

describe("retention dates", () => {
  it("adds calendar months, clamping to shorter months and crossing years", () => {
    expect(addMonths(iso("2026-01-31T10:00:00Z"), 1).toISOString()).toBe("2026-02-28T10:00:00.000Z");
    expect(addMonths(iso("2024-02-29T10:00:00Z"), 36).toISOString()).toBe("2027-02-28T10:00:00.000Z");
    expect(addMonths(iso("2026-11-15T00:00:00Z"), 3).toISOString()).toBe("2027-02-15T00:00:00.000Z");
  });

  it("deletes an unconfirmed entry exactly when the delay has passed", () => {
    const submitted = iso("2026-01-01T12:00:00Z");
    expect(unconfirmedExpired(submitted, 30, iso("2026-01-31T11:59:59.999Z"))).toBe(false);
    expect(unconfirmedExpired(submitted, 30, iso("2026-01-31T12:00:00Z"))).toBe(true);
    expect(unconfirmedExpired(submitted, 30, iso("2026-02-15T00:00:00Z"))).toBe(true);
    expect(unconfirmedCutoff(30, iso("2026-01-31T12:00:00Z")).toISOString()).toBe(submitted.toISOString());
  });

  it("anonymises a contact exactly when the retention period since the last interaction has passed", () => {
    const last = iso("2023-03-10T08:00:00Z");
    expect(retentionExpired(last, 36, iso("2026-03-10T07:59:59.999Z"))).toBe(false);
    expect(retentionExpired(last, 36, iso("2026-03-10T08:00:00Z"))).toBe(true);
    // A later interaction restarts the period.
    expect(retentionExpired(iso("2025-01-01T00:00:00Z"), 36, iso("2026-03-10T08:00:00Z"))).toBe(false);
  });

  it("applies the longest retention of the contact's campaigns, else the organisation's", () => {
    expect(retentionMonthsFor([12, 36, 24], 6)).toBe(36);
    expect(retentionMonthsFor([], 36)).toBe(36);
  });
});
