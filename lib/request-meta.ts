import "server-only";
import crypto from "node:crypto";
import net from "node:net";
import { appSecret, env } from "@/lib/env";

/**
 * The client's IP, for rate limits and the hashed IP of consent records.
 * Each proxy in front appends the address it saw to X-Forwarded-For, and our
 * server (scripts/server.mjs) appends the connection's own address last; the
 * leftmost entries are whatever the client chose to send. With
 * AIMANT_TRUSTED_PROXY_HOPS = n reverse proxies of our own in front (0 by
 * default: none), the client is the entry n places left of the last one.
 * (`next start` or `next dev` alone only fill the header when the request has
 * none: there the last entry may be the client's choice.)
 */
export function clientIp(headers: Pick<Headers, "get">, hops = env().AIMANT_TRUSTED_PROXY_HOPS): string {
  const hopsSeen = (headers.get("x-forwarded-for") ?? "")
    .split(",")
    .map((hop) => hop.trim())
    .filter(Boolean);
  return hopsSeen[Math.max(0, hopsSeen.length - 1 - hops)] ?? headers.get("x-real-ip") ?? "unknown";
}

/** The 8 groups of an IPv6 address, as numbers (handles "::" and a trailing dotted IPv4). */
function ipv6Groups(ip: string): number[] {
  let text = ip;
  const dotted = text.match(/(\d+\.\d+\.\d+\.\d+)$/);
  if (dotted) {
    const [a, b, c, d] = dotted[1]!.split(".").map(Number) as [number, number, number, number];
    text = `${text.slice(0, -dotted[1]!.length)}${((a << 8) | b).toString(16)}:${((c << 8) | d).toString(16)}`;
  }
  const [head, tail] = text.includes("::") ? (text.split("::") as [string, string]) : [text, undefined];
  const left = head ? head.split(":") : [];
  const right = tail ? tail.split(":") : [];
  const middle = tail === undefined ? [] : Array<string>(8 - left.length - right.length).fill("0");
  return [...left, ...middle, ...right].map((g) => parseInt(g, 16));
}

/**
 * The network an address belongs to, not the address: /24 for IPv4, /48 for
 * IPv6 (IPv4-mapped IPv6 counts as IPv4). Enough to spot a flood from one
 * network, too coarse to point at one subscriber line.
 */
export function truncateIp(raw: string): string {
  const ip = raw.trim().replace(/%.*$/, "");
  const mapped = ip.match(/^::ffff:(\d+\.\d+\.\d+\.\d+)$/i);
  const v4 = mapped ? mapped[1]! : ip;
  if (net.isIPv4(v4)) return `${v4.split(".").slice(0, 3).join(".")}.0/24`;
  if (net.isIPv6(ip)) {
    const [a, b, c] = ipv6Groups(ip);
    return `${[a, b, c].map((g) => (g ?? 0).toString(16)).join(":")}::/48`;
  }
  return "unknown";
}

let ipKey: crypto.KeyObject | undefined;

/** A key for IP hashes derived from the app secret (AUTH_SECRET or data/secret.key): never in the database. */
function ipHashKey(): crypto.KeyObject {
  return (ipKey ??= crypto.createSecretKey(Buffer.from(crypto.hkdfSync("sha256", appSecret(), "aimant", "ip-hash/v1", 32))));
}

/**
 * IPs are personal data: keep only a keyed hash of the truncated address,
 * enough to spot abuse and prove origin. The key lives outside the database,
 * so a copy of the database alone cannot be brute-forced back to networks;
 * `scope` (the organisation's salt) keeps organisations' hashes unrelated.
 */
export function hashIp(ip: string, scope: string): string {
  return crypto.createHmac("sha256", ipHashKey()).update(`${scope}:${truncateIp(ip)}`).digest("hex").slice(0, 32);
}
