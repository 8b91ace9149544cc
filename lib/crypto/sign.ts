import "server-only";
import crypto from "node:crypto";
import { appSecret } from "@/lib/env";

let macKey: { secret: string; key: crypto.KeyObject } | undefined;

// The key object made once per secret: a string key is converted again by every createHmac.
function secretKey(): crypto.KeyObject {
  const secret = appSecret();
  if (macKey?.secret !== secret) macKey = { secret, key: crypto.createSecretKey(Buffer.from(secret, "utf8")) };
  return macKey.key;
}

function mac(purpose: string, value: string): string {
  return crypto.createHmac("sha256", secretKey()).update(`${purpose}:${value}`).digest("base64url").slice(0, 32);
}

/**
 * A tamper-proof reference to `value` for links (preference centre, thank-you
 * page): `value.mac`. The purpose is part of the MAC so a token made for one
 * use is worthless for another.
 */
export function signValue(purpose: string, value: string): string {
  return `${value}.${mac(purpose, value)}`;
}

/** The value of a signed token, or null when it was forged or altered. */
export function verifySignedValue(purpose: string, token: string): string | null {
  const dot = token.lastIndexOf(".");
  if (dot <= 0) return null;
  const value = token.slice(0, dot);
  const given = Buffer.from(token.slice(dot + 1));
  const expected = Buffer.from(mac(purpose, value));
  return given.length === expected.length && crypto.timingSafeEqual(given, expected) ? value : null;
}
