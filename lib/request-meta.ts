import crypto from "node:crypto";

/**
 * The client's IP, for rate limits and the hashed IP of consent records.
 * Next.js fills X-Forwarded-For with the socket's address when the request has
 * none, and each proxy in front appends the address it saw. Only the entries
 * our own proxies appended can be trusted: with AIMANT_TRUSTED_PROXY_HOPS = n
 * (1 by default: one reverse proxy, or none), the n-th entry from the right.
 * The leftmost entry is whatever the client chose to send.
 */
export function clientIp(headers: Pick<Headers, "get">, hops = trustedProxyHops()): string {
  const hopsSeen = (headers.get("x-forwarded-for") ?? "")
    .split(",")
    .map((hop) => hop.trim())
    .filter(Boolean);
  return hopsSeen[Math.max(0, hopsSeen.length - hops)] ?? headers.get("x-real-ip") ?? "unknown";
}

function trustedProxyHops(): number {
  const hops = Number(process.env.AIMANT_TRUSTED_PROXY_HOPS ?? 1);
  return Number.isInteger(hops) && hops >= 1 ? hops : 1;
}

/** IPs are personal data: keep only a salted hash, enough to spot abuse and prove origin. */
export function hashIp(ip: string, salt: string): string {
  return crypto.createHash("sha256").update(`${salt}:${ip}`).digest("hex").slice(0, 32);
}
