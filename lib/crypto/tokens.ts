import crypto from "node:crypto";

/** A random URL-safe token of 256 bits. */
export function randomToken(): string {
  return crypto.randomBytes(32).toString("base64url");
}

/** What we store instead of a token: its sha256, so a database leak gives no usable link. */
export function hashToken(token: string): string {
  return crypto.createHash("sha256").update(token).digest("hex");
}

export function sha256(text: string): string {
  return crypto.createHash("sha256").update(text, "utf8").digest("hex");
}
