import { describe, expect, it } from "vitest";

process.env.AUTH_SECRET = "test-secret";
const { signValue, verifySignedValue } = await import("./sign");

describe("signed values", () => {
  it("round-trips", () => {
    expect(verifySignedValue("prefs", signValue("prefs", "contact_1"))).toBe("contact_1");
  });
  it("rejects an altered value, a forged mac or another purpose", () => {
    const token = signValue("prefs", "contact_1");
    expect(verifySignedValue("prefs", token.replace("contact_1", "contact_2"))).toBeNull();
    expect(verifySignedValue("prefs", "contact_1.AAAA")).toBeNull();
    expect(verifySignedValue("thanks", token)).toBeNull();
    expect(verifySignedValue("prefs", "garbage")).toBeNull();
  });
});
