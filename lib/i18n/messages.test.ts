import { afterEach, describe, expect, it, vi } from "vitest";
import { loadMessages } from "./messages";

afterEach(() => vi.useRealTimers());

describe("the message catalogue outside production", () => {
  it("is read once for many texts in a row, and read again a second later so that an edit shows", () => {
    vi.useFakeTimers({ now: new Date("2026-12-02T10:00:00Z"), toFake: ["Date"] });
    const first = loadMessages("fr");
    expect(first.mail).toBeDefined();
    for (let i = 0; i < 100; i++) expect(loadMessages("fr")).toBe(first);
    vi.setSystemTime(new Date("2026-12-02T10:00:01.500Z"));
    const reread = loadMessages("fr");
    expect(reread).not.toBe(first);
    expect(reread).toEqual(first);
  });
});
