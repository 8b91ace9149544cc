import crypto from "node:crypto";
import { describe, expect, it } from "vitest";

process.env.AUTH_SECRET = "test-ip-secret";
const { clientIp, hashIp, truncateIp } = await import("./request-meta");

const headers = (values: Record<string, string>) => new Headers(values);

describe("clientIp", () => {
  it("by default takes the connection's address our server appended, never what the client wrote", () => {
    // No proxy: scripts/server.mjs appended the socket's address after the client's forged entries.
    expect(clientIp(headers({ "x-forwarded-for": "203.0.113.7" }))).toBe("203.0.113.7");
    expect(clientIp(headers({ "x-forwarded-for": "1.2.3.4, 203.0.113.7" }))).toBe("203.0.113.7");
    expect(clientIp(headers({ "x-forwarded-for": "9.9.9.9, 8.8.8.8, 203.0.113.7" }))).toBe("203.0.113.7");
  });

  it("with n trusted proxies, the entry n places before the last one", () => {
    // One reverse proxy (10.0.0.2) appended the real address after a forged one; our server appended the proxy's.
    expect(clientIp(headers({ "x-forwarded-for": "1.2.3.4, 203.0.113.7, 10.0.0.2" }), 1)).toBe("203.0.113.7");
    // CDN + reverse proxy: the CDN's address and the proxy's come after the client's.
    expect(clientIp(headers({ "x-forwarded-for": "1.2.3.4, 203.0.113.7, 198.51.100.2, 10.0.0.2" }), 2)).toBe("203.0.113.7");
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

describe("AIMANT_TRUSTED_PROXY_HOPS", () => {
  it("counts that many proxies back from the connection's address (0 when unset)", () => {
    const sent = headers({ "x-forwarded-for": "1.2.3.4, 203.0.113.7, 10.0.0.2" });
    delete process.env.AIMANT_TRUSTED_PROXY_HOPS;
    expect(clientIp(sent)).toBe("10.0.0.2");
    process.env.AIMANT_TRUSTED_PROXY_HOPS = "";
    expect(clientIp(sent)).toBe("10.0.0.2");
    process.env.AIMANT_TRUSTED_PROXY_HOPS = "1";
    expect(clientIp(sent)).toBe("203.0.113.7");
    delete process.env.AIMANT_TRUSTED_PROXY_HOPS;
  });

  // Invalid values used to fall back to 0 silently; the configuration now refuses them (lib/env.test.ts).
  it.each(["-1", "1.5", "many"])("refuses %s with an error that names the variable", (value) => {
    process.env.AIMANT_TRUSTED_PROXY_HOPS = value;
    try {
      expect(() => clientIp(headers({}))).toThrow(/AIMANT_TRUSTED_PROXY_HOPS .*expected a whole number of proxies \(0 or more\)\. Example: AIMANT_TRUSTED_PROXY_HOPS=1/);
    } finally {
      delete process.env.AIMANT_TRUSTED_PROXY_HOPS;
    }
  });
});
