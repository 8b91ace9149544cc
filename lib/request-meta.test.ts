import { describe, expect, it } from "vitest";
import { clientIp } from "./request-meta";

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
