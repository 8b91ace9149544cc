import crypto from "node:crypto";
import { describe, expect, it } from "vitest";

process.env.AUTH_SECRET = "test-ip-secret";
const { clientIp, hashIp, truncateIp } = await import("./request-meta");

const headers = (values: Record<string, string>) => new Headers(values);

describe("clientIp", () => {
  it("takes the address Next.js or our proxy added, not what the client wrote", () => {
    // No proxy: Next.js filled the header with the socket's address.
    expect(clientIp(headers({ "x-forwarded-for": "203.0.113.7" }))).toBe("203.0.113.7");
    // One reverse proxy appended the real address after a forged one.
    expect(clientIp(headers({ "x-forwarded-for": "1.2.3.4, 203.0.113.7" }))).toBe("203.0.113.7");
    // CDN + reverse proxy: the CDN's own address is the last hop.
    expect(clientIp(headers({ "x-forwarded-for": "1.2.3.4, 203.0.113.7, 198.51.100.2" }), 2)).toBe("203.0.113.7");
    // Fewer hops than configured: the leftmost is all there is.
    expect(clientIp(headers({ "x-forwarded-for": "203.0.113.7" }), 3)).toBe("203.0.113.7");
  });

  it("falls back to X-Real-IP, then to a shared bucket", () => {
    expect(clientIp(headers({ "x-real-ip": "203.0.113.9" }))).toBe("203.0.113.9");
    expect(clientIp(headers({}))).toBe("unknown");
  });
});

describe("hashIp", () => {
  it("truncates to /24 (IPv4) and /48 (IPv6) before hashing", () => {
    expect(truncateIp("203.0.113.7")).toBe("203.0.113.0/24");
    expect(truncateIp("::ffff:203.0.113.7")).toBe("203.0.113.0/24");
    expect(truncateIp("2001:db8:abcd:12::1")).toBe("2001:db8:abcd::/48");
    expect(truncateIp("2001:db8::1")).toBe("2001:db8:0::/48");
    expect(truncateIp("unknown")).toBe("unknown");
    expect(hashIp("203.0.113.7", "salt")).toBe(hashIp("203.0.113.200", "salt"));
    expect(hashIp("203.0.113.7", "salt")).not.toBe(hashIp("203.0.114.7", "salt"));
    expect(hashIp("2001:db8:abcd:12::1", "salt")).toBe(hashIp("2001:db8:abcd:ffff::2", "salt"));
  });

  it("uses a key from the app secret, not only what the database holds (the salt)", () => {
    const salt = "org-salt-from-the-database";
    const withSecret = hashIp("203.0.113.7", salt);
    // What someone holding only the database could compute: the old salted sha256, of the full or truncated IP.
    for (const guess of ["203.0.113.7", "203.0.113.0/24"]) {
      expect(withSecret).not.toBe(crypto.createHash("sha256").update(`${salt}:${guess}`).digest("hex").slice(0, 32));
    }
    expect(withSecret).toBe(crypto.createHmac("sha256", Buffer.from(crypto.hkdfSync("sha256", "test-ip-secret", "aimant", "ip-hash/v1", 32))).update(`${salt}:203.0.113.0/24`).digest("hex").slice(0, 32));
  });
});
