import "server-only";
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { dataDir } from "@/lib/database-url";

let cachedSecret: string | undefined;

/**
 * The app secret (sessions, signed links, hashes): AUTH_SECRET / NEXTAUTH_SECRET
 * from the environment, else a random one generated once into ./data so a
 * development install works without configuration.
 */
export function appSecret(): string {
  if (cachedSecret) return cachedSecret;
  const fromEnv = process.env.AUTH_SECRET ?? process.env.NEXTAUTH_SECRET;
  if (fromEnv) return (cachedSecret = fromEnv);
  const file = path.join(dataDir(), "secret.key");
  if (!fs.existsSync(file)) {
    try {
      fs.writeFileSync(file, crypto.randomBytes(32).toString("hex"), { mode: 0o600, flag: "wx" });
    } catch (error) {
      // Another process created it first: read theirs.
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
    }
  }
  cachedSecret = fs.readFileSync(file, "utf8").trim();
  process.env.NEXTAUTH_SECRET = cachedSecret;
  return cachedSecret;
}

/** Public base URL of the app, for links in e-mails and QR codes. */
export function appUrl(): string {
  return (process.env.APP_URL ?? process.env.NEXTAUTH_URL ?? `http://localhost:${process.env.PORT ?? 3000}`).replace(/\/$/, "");
}
