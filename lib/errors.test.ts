import { describe, expect, it } from "vitest";
import { getAccessFallbackHTTPStatus, isHTTPAccessFallbackError } from "next/dist/client/components/http-access-fallback/http-access-fallback";
import { Forbidden, NotFound } from "./errors";

describe("NotFound", () => {
  // Pages let a domain NotFound escape; Next must take it for its own notFound() (404 page), not a crash (500).
  it("is recognised by Next as notFound()", () => {
    const error = new NotFound("Campagne introuvable.");
    expect(isHTTPAccessFallbackError(error)).toBe(true);
    expect(getAccessFallbackHTTPStatus(error)).toBe(404);
    expect(error.status).toBe(404);
    expect(error.message).toBe("Campagne introuvable.");
  });

  it("is the only domain error Next treats so", () => {
    expect(isHTTPAccessFallbackError(new Forbidden())).toBe(false);
  });
});
