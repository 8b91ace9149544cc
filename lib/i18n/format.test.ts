import { describe, expect, it } from "vitest";
import { formatBucket, formatCalendarDay, formatDate, formatDateTime, formatNumber, formatPercent } from "./format";

// Intl puts narrow no-break spaces in French numbers and before "%": compare with plain spaces.
const plain = (s: string) => s.replace(/[\u202f\u00a0]/g, " ");

describe("formats in the reader's language", () => {
  it("writes the first of the month as 1er in French, 1 in English", () => {
    const first = new Date("2026-12-01T09:00:00Z");
    expect(formatDate(first, "fr", "Europe/Paris")).toBe("1er décembre 2026");
    expect(formatDate(first, "en", "Europe/Paris")).toBe("1 December 2026");
    expect(formatDate(new Date("2026-12-02T09:00:00Z"), "fr", "Europe/Paris")).toBe("2 décembre 2026");
    expect(plain(formatDateTime(first, "fr", "Europe/Paris"))).toBe("1er décembre 2026 à 10:00");
    expect(formatDateTime(first, "en", "Europe/Paris")).toBe("1 December 2026 at 10:00");
  });

  it("writes percentages one way per language, never 33.3 beside 33,3", () => {
    expect(plain(formatPercent(33.3, "fr"))).toBe("33,3 %");
    expect(formatPercent(33.3, "en")).toBe("33.3%");
    expect(plain(formatNumber(12345, "fr"))).toBe("12 345");
    expect(formatNumber(12345, "en")).toBe("12,345");
  });

  it("writes a time axis bucket as a date, not 2026-12-01 07h", () => {
    expect(plain(formatBucket("2026-12-01 07h", "fr"))).toBe("1er déc., 07:00");
    expect(formatBucket("2026-12-01 07h", "en")).toBe("1 Dec, 07:00");
    expect(formatBucket("2026-12-02", "fr")).toBe("2 déc.");
  });

  it("writes a birth date in words, not 1972-09-30", () => {
    expect(formatCalendarDay("1972-09-30", "fr")).toBe("30 septembre 1972");
    expect(formatCalendarDay("1972-09-30", "en")).toBe("30 September 1972");
    expect(formatCalendarDay("pas une date", "fr")).toBe("pas une date");
  });
});

describe("formatDate's memory of the last minute", () => {
  it("gives each instant its own day in the zone, across midnight and from one call to the next", () => {
    // 23:59:30 then 00:00:10 in Paris (winter, UTC+1): two minutes, two days.
    expect(formatDate(new Date("2026-12-01T22:59:30Z"), "fr", "Europe/Paris")).toBe("1er décembre 2026");
    expect(formatDate(new Date("2026-12-01T22:59:59Z"), "fr", "Europe/Paris")).toBe("1er décembre 2026");
    expect(formatDate(new Date("2026-12-01T23:00:10Z"), "fr", "Europe/Paris")).toBe("2 décembre 2026");
    expect(formatDate(new Date("2026-12-01T23:00:10Z"), "en", "UTC")).toBe("1 December 2026");
    // Before whole-minute offsets everywhere (Monrovia was UTC-0:44:30 until 1972): not remembered.
    expect(formatDate(new Date("1970-06-01T00:44:00Z"), "en", "Africa/Monrovia")).toBe("31 May 1970");
    expect(formatDate(new Date("1970-06-01T00:44:40Z"), "en", "Africa/Monrovia")).toBe("1 June 1970");
  });
});
