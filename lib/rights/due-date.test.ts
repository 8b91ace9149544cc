import { describe, expect, it } from "vitest";
import { daysLeft, requestDueDate } from "./due-date";

describe("data-subject request deadline", () => {
  it("is one calendar month later", () => {
    expect(requestDueDate(new Date("2026-03-15T10:00:00Z")).toISOString()).toBe("2026-04-15T10:00:00.000Z");
    expect(requestDueDate(new Date("2026-12-20T08:00:00Z")).toISOString()).toBe("2027-01-20T08:00:00.000Z");
  });
  it("ends on the last day of a shorter month", () => {
    expect(requestDueDate(new Date("2026-01-31T12:00:00Z")).toISOString()).toBe("2026-02-28T12:00:00.000Z");
    expect(requestDueDate(new Date("2028-01-31T12:00:00Z")).toISOString()).toBe("2028-02-29T12:00:00.000Z");
    expect(requestDueDate(new Date("2026-03-31T12:00:00Z")).toISOString()).toBe("2026-04-30T12:00:00.000Z");
  });
  it("counts the days left, negative when late", () => {
    const due = new Date("2026-04-15T10:00:00Z");
    expect(daysLeft(due, new Date("2026-04-14T10:00:00Z"))).toBe(1);
    expect(daysLeft(due, new Date("2026-04-15T10:00:00Z"))).toBe(0);
    expect(daysLeft(due, new Date("2026-04-17T10:00:00Z"))).toBe(-2);
  });
});
