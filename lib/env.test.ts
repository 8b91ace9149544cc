import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it, vi } from "vitest";
import { EnvError, parseEnv } from "./env-schema";

/** The problems an environment has, or [] when it is valid. */
function problemsOf(source: Record<string, string>): string[] {
  try {
    parseEnv(source);
    return [];
  } catch (error) {
    if (error instanceof EnvError) return error.problems;
    throw error;
  }
}

describe("parseEnv", () => {
  it("applies the defaults of an empty environment (an empty value counts as unset)", () => {
    const env = parseEnv({ PORT: "", SMTP_URL: "" });
    expect(env).toMatchObject({
      NODE_ENV: "development",
      AIMANT_DATA_DIR: "data",
      PORT: 3000,
      MAIL_FROM: "Aimant <no-reply@localhost>",
      AIMANT_RETENTION_SCHEDULER: "on",
      AIMANT_OUTBOX_WORKER: "on",
      AIMANT_TRUSTED_PROXY_HOPS: 0,
    });
    expect(env.SMTP_URL).toBeUndefined();
    expect(env.AIMANT_SIGNIN_LIMIT).toBeUndefined();
  });

  it("types the values it accepts", () => {
    const env = parseEnv({ PORT: "8080", AIMANT_TRUSTED_PROXY_HOPS: "2", AIMANT_SUBMIT_IP_LIMIT: "10000", SMTP_URL: "smtps://u:p@smtp.example.com:465", APP_URL: "https://jeux.example.fr/", AIMANT_OUTBOX_WORKER: "off" });
    expect(env).toMatchObject({ PORT: 8080, AIMANT_TRUSTED_PROXY_HOPS: 2, AIMANT_SUBMIT_IP_LIMIT: 10000, SMTP_URL: "smtps://u:p@smtp.example.com:465", AIMANT_OUTBOX_WORKER: "off" });
  });

  it("takes a bcrypt cost from 4 to 15, 11 by default", () => {
    expect(parseEnv({}).AIMANT_PASSWORD_COST).toBe(11);
    expect(parseEnv({ AIMANT_PASSWORD_COST: "4" }).AIMANT_PASSWORD_COST).toBe(4);
    for (const bad of ["3", "16", "douze"]) expect(problemsOf({ AIMANT_PASSWORD_COST: bad })).toEqual([expect.stringContaining("expected a bcrypt cost from 4 to 15")]);
  });

  it("takes a webhook's first retry wait in milliseconds, 10 s by default", () => {
    expect(parseEnv({}).AIMANT_WEBHOOK_RETRY_MS).toBe(10_000);
    expect(parseEnv({ AIMANT_WEBHOOK_RETRY_MS: "1000" }).AIMANT_WEBHOOK_RETRY_MS).toBe(1000);
    expect(problemsOf({ AIMANT_WEBHOOK_RETRY_MS: "10" })).toEqual([expect.stringContaining("milliseconds from 100")]);
  });

  it("names every bad variable at once, says what is wrong and gives an example", () => {
    const problems = problemsOf({
      AIMANT_TRUSTED_PROXY_HOPS: "many",
      PORT: "70000",
      AIMANT_OUTBOX_WORKER: "of",
      APP_URL: "jeux.example.fr",
      MAIL_FROM: "Aimant",
      AIMANT_SIGNIN_LIMIT: "0",
    });
    expect(problems).toEqual([
      'APP_URL ("jeux.example.fr"): expected an http(s) URL. Example: APP_URL=https://jeux.example.fr',
      'PORT ("70000"): expected a port number (1 to 65535). Example: PORT=3000',
      'MAIL_FROM ("Aimant"): expected an address, with or without a display name ("Name <address>"). Example: MAIL_FROM=Aimant <no-reply@example.fr>',
      'AIMANT_OUTBOX_WORKER ("of"): expected "on" or "off". Example: AIMANT_OUTBOX_WORKER=off',
      'AIMANT_TRUSTED_PROXY_HOPS ("many"): expected a whole number of proxies (0 or more). Example: AIMANT_TRUSTED_PROXY_HOPS=1',
      'AIMANT_SIGNIN_LIMIT ("0"): expected a whole number above 0. Example: AIMANT_SIGNIN_LIMIT=5',
    ]);
  });

  it("never echoes a secret or a URL that may hold a password", () => {
    const problems = problemsOf({ SMTP_URL: "http://user:hunter2@mail.example.com", DATABASE_URL: "mysql://root:hunter2@db/aimant" });
    expect(problems).toEqual([
      'DATABASE_URL (value hidden): expected an SQLite URL starting with "file:" or a PostgreSQL URL starting with "postgresql://". Example: DATABASE_URL=file:./data/aimant.db',
      'SMTP_URL (value hidden): expected an "smtp://" or "smtps://" URL. Example: SMTP_URL=smtps://user:pass@smtp.example.com:465',
    ]);
    expect(problems.join("\n")).not.toContain("hunter2");
  });

  it("refuses a short secret in production only", () => {
    expect(problemsOf({ NODE_ENV: "production", AUTH_SECRET: "short-secret" })).toEqual([
      "AUTH_SECRET (value hidden): expected at least 32 characters in production (got 12). Example: AUTH_SECRET=$(openssl rand -hex 32)",
    ]);
    expect(problemsOf({ NODE_ENV: "development", AUTH_SECRET: "short-secret" })).toEqual([]);
    expect(problemsOf({ NODE_ENV: "production", AUTH_SECRET: "x".repeat(32) })).toEqual([]);
  });

  it("accepts a PostgreSQL URL, and then requires AUTH_SECRET (one secret for every instance)", () => {
    const url = "postgresql://aimant:pw@db.example:5432/aimant";
    expect(problemsOf({ DATABASE_URL: url })).toEqual([expect.stringMatching(/^AUTH_SECRET.*required with PostgreSQL/)]);
    expect(problemsOf({ DATABASE_URL: url, AUTH_SECRET: "x".repeat(32) })).toEqual([]);
    expect(problemsOf({ DATABASE_URL: "mysql://x" })).toEqual([expect.stringMatching(/^DATABASE_URL/)]);
  });

  it("puts the list in the error's message", () => {
    expect(() => parseEnv({ PORT: "http" })).toThrow("Invalid configuration (environment variables):\n  - PORT (\"http\"): expected a port number (1 to 65535). Example: PORT=3000");
  });
});

describe("env()", () => {
  const saved = { ...process.env };
  afterEach(() => {
    for (const name of ["SMTP_URL", "PORT", "APP_URL", "NEXTAUTH_URL", "AIMANT_DATA_DIR"]) {
      if (saved[name] === undefined) delete process.env[name];
      else process.env[name] = saved[name];
    }
  });

  it("reads process.env lazily and sees a change made after the first read", async () => {
    const { env, appUrl } = await import("./env");
    delete process.env.APP_URL;
    delete process.env.NEXTAUTH_URL;
    process.env.PORT = "4000";
    expect(appUrl()).toBe("http://localhost:4000");
    process.env.SMTP_URL = "smtp://127.0.0.1:2525";
    expect(env().SMTP_URL).toBe("smtp://127.0.0.1:2525");
    delete process.env.SMTP_URL;
    expect(env().SMTP_URL).toBeUndefined();
  });

  it("throws the EnvError of a bad variable", async () => {
    const { env, EnvError: ThrownClass } = await import("./env");
    process.env.PORT = "eighty";
    expect(() => env()).toThrow(ThrownClass);
  });

  it("creates the data folder on first use only, not on every call", async () => {
    const { dataDir } = await import("./env");
    const dir = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "aimant-data-dir-")), "data");
    process.env.AIMANT_DATA_DIR = dir;
    const mkdir = vi.spyOn(fs, "mkdirSync");
    try {
      expect([dataDir(), dataDir(), dataDir()]).toEqual([dir, dir, dir]);
      expect(fs.statSync(dir).isDirectory()).toBe(true);
      expect(mkdir.mock.calls.filter(([made]) => made === dir)).toHaveLength(1);
    } finally {
      mkdir.mockRestore();
    }
  });
});
