import crypto from "node:crypto";

/** The header that carries the signature of a delivery. */
export const SIGNATURE_HEADER = "Aimant-Signature";
/** How old a signed timestamp a receiver should accept (the docs' recommendation, used by our own verifier). */
export const SIGNATURE_TOLERANCE_S = 300;

function hmac(secret: string, timestamp: number, body: string): string {
  return crypto.createHmac("sha256", secret).update(`${timestamp}.${body}`, "utf8").digest("hex");
}

/**
 * `t=<unix seconds>,v1=<hex HMAC-SHA256(secret, t + "." + body)>`, one v1= per
 * secret (the current one first): during a rotation the receiver may hold
 * either secret and any v1= that matches proves the body.
 */
export function signatureHeader(secrets: readonly string[], body: string, timestamp: number): string {
  return [`t=${timestamp}`, ...secrets.map((s) => `v1=${hmac(s, timestamp, body)}`)].join(",");
}

/**
 * What a receiver does (and our tests, and the docs' example): true when a v1=
 * matches the body under `secret` and the timestamp is within `toleranceS` of now
 * (an old signed request replayed by someone who recorded it is refused).
 */
export function verifySignature(header: string, body: string, secret: string, nowS = Math.floor(Date.now() / 1000), toleranceS = SIGNATURE_TOLERANCE_S): boolean {
  const parts = header.split(",").map((p) => p.trim().split("="));
  const t = Number(parts.find(([k]) => k === "t")?.[1]);
  if (!Number.isInteger(t) || Math.abs(nowS - t) > toleranceS) return false;
  const expected = Buffer.from(hmac(secret, t, body), "hex");
  return parts
    .filter(([k, v]) => k === "v1" && v && /^[0-9a-f]{64}$/.test(v))
    .some(([, v]) => crypto.timingSafeEqual(Buffer.from(v!, "hex"), expected));
}
