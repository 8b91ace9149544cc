import "server-only";
import crypto from "node:crypto";
import { appSecret } from "@/lib/env";

function mac(purpose: string, value: string): string {
  return crypto.createHmac("sha256", appSecret()).update(`${purpose}:${value}`).digest("base64url").slice(0, 32);
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
