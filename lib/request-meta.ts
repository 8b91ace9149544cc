import crypto from "node:crypto";

/** The client's IP as the proxy in front of us reports it (first X-Forwarded-For hop). */
export function clientIp(headers: Headers): string {
  const forwarded = headers.get("x-forwarded-for");
  if (forwarded) return forwarded.split(",")[0]!.trim();
  return headers.get("x-real-ip") ?? "unknown";
}

/** IPs are personal data: keep only a salted hash, enough to spot abuse and prove origin. */
export function hashIp(ip: string, salt: string): string {
  return crypto.createHash("sha256").update(`${salt}:${ip}`).digest("hex").slice(0, 32);
}
