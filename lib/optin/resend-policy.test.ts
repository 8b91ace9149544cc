import { describe, expect, it } from "vitest";
import { canResend, RESENDS_PER_HOUR } from "./resend-policy";

const now = new Date("2026-05-01T12:00:00Z");
const minutesAgo = (m: number) => new Date(now.getTime() - m * 60_000);

describe("resend policy", () => {
  it("allows three resends within an hour, not a fourth", () => {
    const first = minutesAgo(50);
    expect(canResend([first], now)).toBe(true);
    expect(canResend([first, minutesAgo(40)], now)).toBe(true);
    expect(canResend([first, minutesAgo(40), minutesAgo(30)], now)).toBe(true);
    expect(canResend([first, minutesAgo(40), minutesAgo(30), minutesAgo(1)], now)).toBe(false);
    expect(RESENDS_PER_HOUR).toBe(3);
  });
  it("does not count the original mail nor resends older than an hour", () => {
    expect(canResend([minutesAgo(5), minutesAgo(61), minutesAgo(4), minutesAgo(3)], now)).toBe(false);
    expect(canResend([minutesAgo(4), minutesAgo(200), minutesAgo(61), minutesAgo(3)], now)).toBe(true);
    expect(canResend([minutesAgo(200), minutesAgo(60), minutesAgo(59), minutesAgo(58)], now)).toBe(true);
    expect(canResend([minutesAgo(200), minutesAgo(59.9), minutesAgo(59), minutesAgo(58)], now)).toBe(false);
  });
});
