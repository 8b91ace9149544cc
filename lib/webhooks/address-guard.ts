import dns from "node:dns/promises";
import net from "node:net";

/** Addresses a webhook must not reach unless allowed: loopback, private, link-local, carrier-grade NAT, multicast, reserved. */
const PRIVATE = new net.BlockList();
for (const [prefix, bits] of [
  ["0.0.0.0", 8], ["10.0.0.0", 8], ["100.64.0.0", 10], ["127.0.0.0", 8], ["169.254.0.0", 16], ["172.16.0.0", 12],
  ["192.0.0.0", 24], ["192.0.2.0", 24], ["192.168.0.0", 16], ["198.18.0.0", 15], ["198.51.100.0", 24], ["203.0.113.0", 24], ["224.0.0.0", 4], ["240.0.0.0", 4],
] as const) PRIVATE.addSubnet(prefix, bits, "ipv4");
for (const [prefix, bits] of [["::", 128], ["::1", 128], ["fc00::", 7], ["fe80::", 10], ["ff00::", 8], ["2001:db8::", 32], ["100::", 64]] as const) PRIVATE.addSubnet(prefix, bits, "ipv6");

/** True for an address a webhook may not reach by default (IPv4-mapped and NAT64 IPv6 judged by their IPv4). */
export function isPrivateAddress(address: string): boolean {
  const family = net.isIP(address);
  if (family === 4) return PRIVATE.check(address, "ipv4");
  if (family !== 6) return true;
  const lower = address.toLowerCase();
  const embedded = /^(?:::ffff:|64:ff9b::)(\d+\.\d+\.\d+\.\d+)$/.exec(lower);
  if (embedded) return PRIVATE.check(embedded[1]!, "ipv4");
  const mappedHex = /^::ffff:([0-9a-f]{1,4}):([0-9a-f]{1,4})$/.exec(lower);
  if (mappedHex) {
    const n = (parseInt(mappedHex[1]!, 16) << 16) | parseInt(mappedHex[2]!, 16);
    return PRIVATE.check([n >>> 24, (n >>> 16) & 255, (n >>> 8) & 255, n & 255].join("."), "ipv4");
  }
  return PRIVATE.check(address, "ipv6");
}

export class BlockedAddress extends Error {
  constructor(readonly host: string, readonly address: string) {
    super(`refused: ${host} resolves to a private or loopback address (${address})`);
  }
}

export type Resolved = { address: string; family: 4 | 6 };

/**
 * Resolves `host` and checks EVERY address it has (a name with one public and
 * one private address must not be a way in); returns the address to connect
 * to, so the connection goes where the check looked (no second lookup an
 * attacker's DNS could answer differently).
 */
export async function resolveAllowed(host: string, allowPrivate: boolean, lookup: (host: string) => Promise<Resolved[]> = lookupAll): Promise<Resolved> {
  const bare = host.replace(/^\[|\]$/g, "");
  const addresses = net.isIP(bare) ? [{ address: bare, family: net.isIP(bare) as 4 | 6 }] : await lookup(bare);
  if (addresses.length === 0) throw new Error(`no address for ${host}`);
  if (!allowPrivate) for (const a of addresses) if (isPrivateAddress(a.address)) throw new BlockedAddress(host, a.address);
  return addresses[0]!;
}

async function lookupAll(host: string): Promise<Resolved[]> {
  const found = await dns.lookup(host, { all: true, verbatim: true });
  return found.map((a) => ({ address: a.address, family: a.family === 6 ? 6 : 4 }));
}
