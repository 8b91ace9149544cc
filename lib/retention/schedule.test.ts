import { describe, expect, it } from "vitest";
import { PURGE_INTERVAL_MS, purgeDue } from "./schedule";

describe("purgeDue", () => {
  const now = new Date("2026-06-01T12:00:00Z");
  it("is due when the purge never ran, or a day after the last successful start", () => {
    expect(purgeDue(null, now)).toBe(true);
    expect(purgeDue(new Date(now.getTime() - PURGE_INTERVAL_MS), now)).toBe(true);
    expect(purgeDue(new Date(now.getTime() - PURGE_INTERVAL_MS - 1), now)).toBe(true);
  });
  it("is not due within the day", () => {
    expect(purgeDue(new Date(now.getTime() - PURGE_INTERVAL_MS + 1), now)).toBe(false);
    expect(purgeDue(new Date(now.getTime() - 3_600_000), now)).toBe(false);
  });
});
