import crypto from "node:crypto";

// Random bytes drawn 4 KB at a time (each byte used once): one draw per token cost more than the rest of a token.
let pool = Buffer.alloc(0);
let offset = 0;

/** A random URL-safe token of 256 bits. */
export function randomToken(): string {
  if (offset + 32 > pool.length) {
    pool = crypto.randomBytes(4096);
    offset = 0;
  }
  offset += 32;
  return pool.toString("base64url", offset - 32, offset);
}

/** What we store instead of a token: its sha256, so a database leak gives no usable link. */
export function hashToken(token: string): string {
  return sha256(token);
}

/** One-shot digest where Node has it (crypto.hash, 20.12+: no Hash object per call). */
export function sha256(text: string): string {
  return typeof crypto.hash === "function" ? crypto.hash("sha256", text, "hex") : crypto.createHash("sha256").update(text, "utf8").digest("hex");
}
