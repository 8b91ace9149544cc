import { describe, expect, it } from "vitest";

process.env.AUTH_SECRET = "test-secret";
const { PREFERENCES_LINK_DAYS, preferencesToken, readPreferencesToken } = await import("./links");
const { signValue } = await import("@/lib/crypto/sign");

const DAY = 86_400_000;

describe("preference-centre links expire", () => {
  const issued = new Date("2026-06-01T12:00:00Z");
  const token = preferencesToken("cm1contact", issued);

  it("work for 90 days, then say expired", () => {
    expect(PREFERENCES_LINK_DAYS).toBe(90);
    expect(readPreferencesToken(token, issued)).toEqual({ state: "valid", contactId: "cm1contact" });
    expect(readPreferencesToken(token, new Date(issued.getTime() + 90 * DAY - 1000))).toEqual({ state: "valid", contactId: "cm1contact" });
    expect(readPreferencesToken(token, new Date(issued.getTime() + 90 * DAY))).toEqual({ state: "expired" });
  });

  it("a link signed without an expiry (before links expired) counts as expired; a tampered one is unknown", () => {
    expect(readPreferencesToken(signValue("prefs", "cm1contact"), issued)).toEqual({ state: "expired" });
    const [id, expires, mac] = token.split(".");
    // Pushing the expiry further breaks the signature.
    expect(readPreferencesToken(`${id}.${(parseInt(expires!, 36) + 9_999_999).toString(36)}.${mac}`, issued)).toEqual({ state: "unknown" });
    expect(readPreferencesToken(`other.${expires}.${mac}`, issued)).toEqual({ state: "unknown" });
    expect(readPreferencesToken("garbage", issued)).toEqual({ state: "unknown" });
  });
});
