import { execFileSync } from "node:child_process";
import crypto from "node:crypto";
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

/** A digest of a migrations folder: a template built from it is reused until a migration changes. */
function migrationsDigest(dir: string): string {
  const hash = crypto.createHash("sha256");
  for (const name of fs.readdirSync(dir).sort()) {
    const sql = path.join(dir, name, "migration.sql");
    if (fs.existsSync(sql)) hash.update(name).update(fs.readFileSync(sql));
  }
  return hash.digest("hex").slice(0, 16);
}

/**
 * A fresh, migrated PostgreSQL database on the test server; returns its URL. It is a copy of a
 * template migrated once per set of migrations (tests/pg-fresh-database.mjs): migrating each
 * file's database anew took seconds of the suite's time per file.
 */
export function freshPostgresDatabase(adminUrl = TEST_POSTGRES_URL!): string {
  const name = `aimant_test_${process.pid}_${Date.now().toString(36)}_${Math.random().toString(36).slice(2, 8)}`;
  const template = `aimant_template_${migrationsDigest(path.join("prisma", "postgresql", "migrations"))}`;
  execFileSync(process.execPath, ["tests/pg-fresh-database.mjs"], {
    env: { ...process.env, ADMIN_URL: adminUrl, NAME: name, TEMPLATE: template },
    encoding: "utf8",
    timeout: CLI_TIMEOUT_MS,
  });
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

/**
 * A migrated SQLite file to copy: `prisma migrate deploy` runs once per set of migrations
 * (it costs seconds of CPU, and each integration file needs a fresh database).
 */
function sqliteTemplate(): string {
  const template = path.join(os.tmpdir(), `aimant-test-template-${migrationsDigest(path.join("prisma", "migrations"))}.db`);
  if (!fs.existsSync(template)) {
    const building = `${template}.${process.pid}.tmp`;
    migrate(`file:${building}`);
    // Atomic: a parallel worker that built it too replaces it with the same schema.
    fs.renameSync(building, template);
  }
  return template;
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
  if (!onPostgres) fs.copyFileSync(sqliteTemplate(), file);
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
