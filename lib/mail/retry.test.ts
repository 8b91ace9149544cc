import { describe, expect, it } from "vitest";
import { MAX_ATTEMPTS, parseMailbox, retryDelayMs, statusAfterFailure } from "./retry";

describe("mail retries", () => {
  it("backs off exponentially up to a cap", () => {
    expect(retryDelayMs(1)).toBe(5_000);
    expect(retryDelayMs(2)).toBe(10_000);
    expect(retryDelayMs(3)).toBe(20_000);
    expect(retryDelayMs(30)).toBe(600_000);
  });
  it("gives up after the last attempt", () => {
    expect(statusAfterFailure(MAX_ATTEMPTS - 1)).toBe("QUEUED");
    expect(statusAfterFailure(MAX_ATTEMPTS)).toBe("FAILED");
  });
  it("parses a sender into structured parts", () => {
    expect(parseMailbox("Aimant <no-reply@aimant.test>")).toEqual({ name: "Aimant", address: "no-reply@aimant.test" });
    expect(parseMailbox('"Boutique, Test" <a@b.test>')).toEqual({ name: "Boutique, Test", address: "a@b.test" });
    expect(parseMailbox("a@b.test")).toEqual({ name: "", address: "a@b.test" });
  });
});
