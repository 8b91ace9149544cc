import { describe, expect, it } from "vitest";
import { hashToken, randomToken } from "@/lib/crypto/tokens";
import { OPTIN_VALID_DAYS, optInExpiry, tokenState } from "./token-state";

describe("opt-in tokens", () => {
  it("are random, at least 128 bits, and stored as a sha256 that does not reveal them", () => {
    const a = randomToken();
    const b = randomToken();
    expect(a).not.toBe(b);
    expect(Buffer.from(a, "base64url").length * 8).toBeGreaterThanOrEqual(128);
    expect(hashToken(a)).toMatch(/^[0-9a-f]{64}$/);
    expect(hashToken(a)).toBe(hashToken(a));
    expect(hashToken(a)).not.toContain(a);
  });

  it("expire after exactly 7 days, the instant of expiry excluded", () => {
    const created = new Date("2026-03-29T00:30:00Z");
    const expires = optInExpiry(created);
    expect(OPTIN_VALID_DAYS).toBe(7);
    expect(expires.getTime() - created.getTime()).toBe(7 * 86_400_000);
    const token = { expiresAt: expires, usedAt: null };
    expect(tokenState(token, new Date(expires.getTime() - 1))).toBe("valid");
    expect(tokenState(token, expires)).toBe("expired");
    expect(tokenState(token, new Date(expires.getTime() + 1))).toBe("expired");
  });

  it("are single-use and unknown tokens say so", () => {
    expect(tokenState({ expiresAt: new Date(Date.now() + 1000), usedAt: new Date() }, new Date())).toBe("used");
    expect(tokenState(null, new Date())).toBe("unknown");
  });
});
