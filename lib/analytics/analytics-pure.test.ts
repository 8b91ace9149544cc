import { describe, expect, it } from "vitest";
import { nextDay, startOfLocalDay, localParts } from "@/lib/time-zone";
import { filtersFromSearch, parseAnalyticsSearch } from "./filters";
import { autoGranularity, buildSeries } from "./series";
import { choiceBars, histogramBars, percent, rate, referrerHost, scaleBounds, sumBy, yesNoKey } from "./charts";

const PARIS = "Europe/Paris";

describe("time zone helpers", () => {
  it("finds local midnight in UTC, summer and winter time and across DST changes", () => {
    expect(startOfLocalDay("2026-07-14", PARIS).toISOString()).toBe("2026-07-13T22:00:00.000Z");
    expect(startOfLocalDay("2026-12-25", PARIS).toISOString()).toBe("2026-12-24T23:00:00.000Z");
    expect(startOfLocalDay("2026-03-29", PARIS).toISOString()).toBe("2026-03-28T23:00:00.000Z"); // DST starts at 02:00 that day
    expect(startOfLocalDay("2026-10-25", PARIS).toISOString()).toBe("2026-10-24T22:00:00.000Z"); // DST ends at 03:00 that day
    expect(startOfLocalDay("2026-06-01", "UTC").toISOString()).toBe("2026-06-01T00:00:00.000Z");
  });

  it("reads local parts and steps days across months and years", () => {
    expect(localParts(new Date("2026-11-10T23:30:00Z"), PARIS)).toEqual({ day: "2026-11-11", hour: 0, minute: 30 });
    expect(nextDay("2026-02-28")).toBe("2026-03-01");
    expect(nextDay("2026-12-31")).toBe("2027-01-01");
  });
});

describe("filters from the URL", () => {
  it("keeps valid values and drops bad ones instead of failing", () => {
    expect(parseAnalyticsSearch({ from: "2026-11-01", to: ["2026-11-30", "x"], source: "qr", granularity: "hour" })).toEqual({
      from: "2026-11-01",
      to: "2026-11-30",
      source: "qr",
      granularity: "hour",
    });
    expect(parseAnalyticsSearch({ from: "hier", to: "2026-13-45", granularity: "week" })).toEqual({ from: undefined, to: undefined, source: undefined, granularity: undefined });
  });

  it("reads days in the campaign's zone, includes the last day, swaps a reversed range, maps direct traffic", () => {
    const f = filtersFromSearch({ from: "2026-11-12", to: "2026-11-10", source: "(direct)" }, PARIS);
    expect(f.from!.toISOString()).toBe("2026-11-09T23:00:00.000Z");
    expect(f.to!.toISOString()).toBe("2026-11-12T23:00:00.000Z");
    expect(f.source).toBe("");
    expect(filtersFromSearch({ source: "" }, PARIS)).toEqual({ from: undefined, to: undefined, source: undefined });
  });
});

describe("time series", () => {
  const hours = (entries: [string, number][]) => new Map(entries);

  it("folds UTC hours into local days with zeros for quiet days", () => {
    const { granularity, points } = buildSeries({
      submissions: hours([
        ["2026-11-10T22", 2], // 23h in Paris, 10 November
        ["2026-11-10T23", 3], // 00h in Paris, 11 November
      ]),
      views: hours([["2026-11-12T08", 7]]),
      from: new Date("2026-11-09T23:00:00Z"),
      to: new Date("2026-11-12T23:00:00Z"),
      timeZone: PARIS,
      granularity: "day",
    });
    expect(granularity).toBe("day");
    expect(points).toEqual([
      { bucket: "2026-11-10", submissions: 2, views: 0 },
      { bucket: "2026-11-11", submissions: 3, views: 0 },
      { bucket: "2026-11-12", submissions: 0, views: 7 },
    ]);
  });

  it("draws hours for short periods and falls back to days when hours would be unreadable", () => {
    const from = new Date("2026-11-10T23:00:00Z");
    expect(autoGranularity(from, new Date("2026-11-11T23:00:00Z"))).toBe("hour");
    expect(autoGranularity(from, new Date("2026-11-20T23:00:00Z"))).toBe("day");
    const long = buildSeries({ submissions: new Map(), views: new Map(), from, to: new Date("2026-12-31T00:00:00Z"), timeZone: PARIS, granularity: "hour" });
    expect(long.granularity).toBe("day");
  });
});

describe("chart shaping", () => {
  it("computes percentages and rates, with no rate on an empty base", () => {
    expect(percent(1, 3)).toBe(33.3);
    expect(percent(2, 3)).toBe(66.7);
    expect(percent(5, 0)).toBe(0);
    expect(rate(0, 0)).toBeNull();
    expect(rate(1, 4)).toBe(25);
  });

  it("keeps the options' order and their zero counts", () => {
    const bars = choiceBars(
      [
        { id: "a", label: "A" },
        { id: "b", label: "B" },
      ],
      new Map([["b", 3]]),
      4,
    );
    expect(bars).toEqual([
      { key: "a", label: "A", count: 0, percent: 0 },
      { key: "b", label: "B", count: 3, percent: 75 },
    ]);
  });

  it("draws every step of a scale, clamping stray values to the ends", () => {
    const { bars, respondents } = histogramBars({ min: 1, max: 5 }, new Map([[0, 1], [3, 2], [9, 1]]));
    expect(respondents).toBe(4);
    expect(bars.map((b) => b.count)).toEqual([1, 0, 2, 0, 1]);
    expect(scaleBounds('{"min":0,"max":10}')).toEqual({ min: 0, max: 10 });
    expect(scaleBounds("not json")).toEqual({ min: 1, max: 10 });
    expect(scaleBounds('{"min":5,"max":2}')).toEqual({ min: 1, max: 10 });
  });

  it("reads yes/no values and referrer hosts", () => {
    expect([yesNoKey("yes", null), yesNoKey("Non", null), yesNoKey(null, 1), yesNoKey("peut-être", null)]).toEqual(["yes", "no", "yes", null]);
    expect(referrerHost("https://www.google.com/search?q=x")).toBe("google.com");
    expect(referrerHost("")).toBe("");
    expect(referrerHost("android-app://com.facebook")).toBe("com.facebook");
    expect(sumBy([{ k: "a", n: 1 }, { k: "b", n: 5 }, { k: "a", n: 2 }], (r) => r.k, (r) => r.n)).toEqual([
      { key: "b", count: 5 },
      { key: "a", count: 3 },
    ]);
  });
});
