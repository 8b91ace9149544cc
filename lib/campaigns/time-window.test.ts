import { describe, expect, it } from "vitest";
import { fromZonedInput, toZonedInput } from "@/lib/time-zone";
import { phaseOf, windowState } from "./time-window";

const opensAt = new Date("2026-06-01T08:00:00.000Z");
const closesAt = new Date("2026-06-30T20:00:00.000Z");

describe("windowState at the boundaries", () => {
  it("is not open one millisecond before opening, open at the opening instant", () => {
    expect(windowState({ opensAt, closesAt }, new Date(opensAt.getTime() - 1))).toBe("NOT_OPEN");
    expect(windowState({ opensAt, closesAt }, opensAt)).toBe("OPEN");
  });
  it("is open one millisecond before closing, closed at the closing instant", () => {
    expect(windowState({ opensAt, closesAt }, new Date(closesAt.getTime() - 1))).toBe("OPEN");
    expect(windowState({ opensAt, closesAt }, closesAt)).toBe("CLOSED");
  });
  it("is closed from a manual closing on, even inside the planned window", () => {
    const closedManuallyAt = new Date("2026-06-10T12:00:00.000Z");
    expect(windowState({ opensAt, closesAt, closedManuallyAt }, new Date(closedManuallyAt.getTime() - 1))).toBe("OPEN");
    expect(windowState({ opensAt, closesAt, closedManuallyAt }, closedManuallyAt)).toBe("CLOSED");
  });
  it("gives drafts and archives their own phase", () => {
    expect(phaseOf({ status: "DRAFT", opensAt, closesAt }, opensAt)).toBe("DRAFT");
    expect(phaseOf({ status: "ARCHIVED", opensAt, closesAt }, opensAt)).toBe("ARCHIVED");
    expect(phaseOf({ status: "PUBLISHED", opensAt, closesAt }, opensAt)).toBe("OPEN");
  });
});

describe("wall-clock times in Europe/Paris", () => {
  it("reads winter (UTC+1) and summer (UTC+2) times", () => {
    expect(fromZonedInput("2026-01-15T10:00", "Europe/Paris")?.toISOString()).toBe("2026-01-15T09:00:00.000Z");
    expect(fromZonedInput("2026-07-15T10:00", "Europe/Paris")?.toISOString()).toBe("2026-07-15T08:00:00.000Z");
  });
  it("round-trips through the input format", () => {
    const d = new Date("2026-11-23T17:45:00.000Z");
    expect(toZonedInput(d, "Europe/Paris")).toBe("2026-11-23T18:45");
    expect(fromZonedInput(toZonedInput(d, "Europe/Paris"), "Europe/Paris")?.toISOString()).toBe(d.toISOString());
  });
  it("moves a time in the spring gap past it and takes the first of the repeated autumn hour", () => {
    expect(fromZonedInput("2026-03-29T02:30", "Europe/Paris")?.toISOString()).toBe("2026-03-29T01:30:00.000Z");
    expect(fromZonedInput("2026-10-25T02:30", "Europe/Paris")?.toISOString()).toBe("2026-10-25T00:30:00.000Z");
  });
  it("refuses impossible values", () => {
    expect(fromZonedInput("2026-02-30T10:00", "Europe/Paris")).toBeNull();
    expect(fromZonedInput("demain", "Europe/Paris")).toBeNull();
  });
});
