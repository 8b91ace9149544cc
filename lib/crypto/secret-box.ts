import "server-only";
import crypto from "node:crypto";
import { appSecret } from "@/lib/env";

// Secrets the app must read back (a webhook's signing secret), encrypted at
// rest with AES-256-GCM under a key derived from the app secret, which is not
// in the database: a copy of the database file alone does not give them away.
// Changing AUTH_SECRET makes them unreadable: rotate the endpoints' secrets then.

let cached: { secret: string; key: Buffer } | undefined;

function key(): Buffer {
  const secret = appSecret();
  if (cached?.secret !== secret) cached = { secret, key: Buffer.from(crypto.hkdfSync("sha256", secret, "", "aimant secret-box v1", 32)) };
  return cached.key;
}

/** "v1.<iv>.<tag>.<ciphertext>" (base64url parts). */
export function sealSecret(plain: string): string {
  const iv = crypto.randomBytes(12);
  const cipher = crypto.createCipheriv("aes-256-gcm", key(), iv);
  const data = Buffer.concat([cipher.update(plain, "utf8"), cipher.final()]);
  return ["v1", iv.toString("base64url"), cipher.getAuthTag().toString("base64url"), data.toString("base64url")].join(".");
}

/** The plain secret; throws when the box was altered or sealed under another app secret. */
export function openSecret(sealed: string): string {
  const [version, iv, tag, data] = sealed.split(".");
  if (version !== "v1" || !iv || !tag || data === undefined) throw new Error("not a sealed secret");
  const decipher = crypto.createDecipheriv("aes-256-gcm", key(), Buffer.from(iv, "base64url"));
  decipher.setAuthTag(Buffer.from(tag, "base64url"));
  return Buffer.concat([decipher.update(Buffer.from(data, "base64url")), decipher.final()]).toString("utf8");
}
