import "server-only";
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { envNames, parseEnv, type Env } from "@/lib/env-schema";

export { EnvError, type Env } from "@/lib/env-schema";

// The one module that reads process.env in app/, components/ and lib/
// (eslint.config.mjs enforces it). Client code never imports it ("server-only").

let cached: { key: string; env: Env } | undefined;

// Tests change process.env between cases: under Vitest the variables are read again on each call. A server or a
// script reads them once: reading every variable on each call cost a submission about a millisecond (signed links,
// URLs and the secret all call env()).
const rereadEachCall = process.env.VITEST !== undefined;

/**
 * The validated configuration (lib/env-schema.ts lists every variable).
 * Read lazily, once (under Vitest: again whenever one of its variables
 * changed, so a test may set process.env at any time); throws an EnvError that names every
 * bad variable. instrumentation.ts calls it at start-up to fail fast.
 */
export function env(): Env {
  if (cached && !rereadEachCall) return cached.env;
  const key = envNames.map((name) => process.env[name] ?? "").join("\u0000");
  if (cached?.key !== key) cached = { key, env: parseEnv(process.env) };
  return cached.env;
}

// The data folders already created: the folder is made on first use, not on every call (each upload and
// database URL asks for it). A set, not one flag: tests point AIMANT_DATA_DIR elsewhere between cases.
const createdDataDirs = new Set<string>();

/** The data folder (database, generated secret, uploads): ./data unless AIMANT_DATA_DIR says otherwise. */
export function dataDir(): string {
  const dir = path.resolve(/*turbopackIgnore: true*/ env().AIMANT_DATA_DIR);
  if (!createdDataDirs.has(dir)) {
    fs.mkdirSync(dir, { recursive: true });
    createdDataDirs.add(dir);
  }
  return dir;
}

/** DATABASE_URL, or an SQLite file in the data folder (created on first use). */
export function databaseUrl(): string {
  const fromEnv = env().DATABASE_URL;
  if (fromEnv) return fromEnv;
  const url = `file:${path.join(dataDir(), "aimant.db")}`;
  process.env.DATABASE_URL = url;
  return url;
}

let generatedSecret: string | undefined;

/**
 * The app secret (sessions, signed links, hashes): AUTH_SECRET / NEXTAUTH_SECRET
 * from the environment, else a random one generated once into the data folder so a
 * development install works without configuration.
 */
export function appSecret(): string {
  const { AUTH_SECRET, NEXTAUTH_SECRET } = env();
  const fromEnv = AUTH_SECRET ?? NEXTAUTH_SECRET;
  if (fromEnv) return fromEnv;
  if (generatedSecret) return generatedSecret;
  const file = path.join(dataDir(), "secret.key");
  if (!fs.existsSync(file)) {
    try {
      fs.writeFileSync(file, crypto.randomBytes(32).toString("hex"), { mode: 0o600, flag: "wx" });
    } catch (error) {
      // Another process created it first: read theirs.
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
    }
  }
  generatedSecret = fs.readFileSync(file, "utf8").trim();
  // next-auth's own readers (its JWT helpers) look for NEXTAUTH_SECRET.
  process.env.NEXTAUTH_SECRET = generatedSecret;
  return generatedSecret;
}

/** Public base URL of the app, for links in e-mails and QR codes. */
export function appUrl(): string {
  const { APP_URL, NEXTAUTH_URL, PORT } = env();
  return (APP_URL ?? NEXTAUTH_URL ?? `http://localhost:${PORT}`).replace(/\/$/, "");
}

/**
 * Whether webhooks may reach private and loopback addresses
 * (AIMANT_WEBHOOKS_ALLOW_PRIVATE=1: development, tests, a CRM on the same
 * network). Off by default: an endpoint URL must not be a way into the
 * server's own network.
 */
export function webhooksAllowPrivate(): boolean {
  return env().AIMANT_WEBHOOKS_ALLOW_PRIVATE === "1";
}
