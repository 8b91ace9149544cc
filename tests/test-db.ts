import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";

/**
 * The PostgreSQL server the integration suite runs on instead of SQLite, when
 * set (an admin URL, e.g. postgresql://postgres@127.0.0.1:55432/postgres):
 * each test file gets a fresh database on it.
 */
export const TEST_POSTGRES_URL = process.env.AIMANT_TEST_POSTGRES_URL;
export const onPostgres = Boolean(TEST_POSTGRES_URL);
// Required with PostgreSQL (lib/env-schema.ts); long enough for the production rule too.
if (onPostgres) process.env.AUTH_SECRET ??= "test-secret-for-the-postgresql-suite-0123456789abcdef";

/** Runs a small pg script synchronously (test files create their database before importing lib/db). */
function pgSync(adminUrl: string, sql: string): void {
  const script = `import pg from "pg"; const c = new pg.Client({ connectionString: process.env.ADMIN_URL }); await c.connect(); try { await c.query(process.env.SQL); } finally { await c.end(); }`;
  execFileSync(process.execPath, ["--input-type=module", "-e", script], { env: { ...process.env, ADMIN_URL: adminUrl, SQL: sql }, encoding: "utf8", timeout: CLI_TIMEOUT_MS });
}

/** A fresh, migrated PostgreSQL database on the test server; returns its URL. */
export function freshPostgresDatabase(adminUrl = TEST_POSTGRES_URL!): string {
  const name = `aimant_test_${process.pid}_${Date.now().toString(36)}_${Math.random().toString(36).slice(2, 8)}`;
  pgSync(adminUrl, `CREATE DATABASE "${name}"`);
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  migrate(url.toString());
  return url.toString();
}

/**
 * A fresh database with every migration applied, for integration tests:
 * SQLite by default, PostgreSQL when AIMANT_TEST_POSTGRES_URL is set (then
 * `file` names a path where no database is).
 * Call it before importing anything that imports lib/db (use dynamic imports):
 * the one Prisma client reads DATABASE_URL when it is created.
 */
export function useFreshDatabase(): { url: string; file: string } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "aimant-test-"));
  const file = path.join(dir, "test.db");
  const url = onPostgres ? freshPostgresDatabase() : `file:${file}`;
  if (!onPostgres) migrate(url);
  process.env.DATABASE_URL = url;
  process.env.AIMANT_DATA_DIR = dir;
  return { url, file };
}

// A hung CLI fails with its own error instead of blocking the worker. (On CI a `db push`
// once took 61 s where it takes 1 s here: room for that, and a clear failure beyond.)
const CLI_TIMEOUT_MS = 120_000;

export function migrate(url: string): string {
  const args = /^postgres/.test(url) ? ["scripts/migrate.mjs"] : ["scripts/prisma.mjs", "migrate", "deploy"];
  return execFileSync(process.execPath, args, {
    env: { ...process.env, DATABASE_URL: url },
    encoding: "utf8",
    timeout: CLI_TIMEOUT_MS,
  });
}

export function prismaCli(url: string, args: string[]): string {
  return execFileSync(process.execPath, ["scripts/prisma.mjs", ...args], {
    env: { ...process.env, DATABASE_URL: url },
    encoding: "utf8",
    timeout: CLI_TIMEOUT_MS,
  });
}
