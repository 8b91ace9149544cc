#!/usr/bin/env node
// Applies pending migrations, alone (`npm run db:migrate`, a release step) or
// before serving (`npm start`). SQLite: Prisma's own `migrate deploy`.
// PostgreSQL: a small runner on `pg` (Prisma's deploy through the pg driver
// adapter cannot read PostgreSQL's catalog): one session advisory lock, so
// instances starting at once apply each migration once; each migration in its
// own transaction, recorded in _prisma_migrations with Prisma's checksum, so
// `prisma migrate status` agrees.
import { spawnSync } from "node:child_process";
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import pg from "pg";

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
export const POSTGRES_MIGRATIONS_DIR = path.join(root, "prisma", "postgresql", "migrations");
// Any constant shared by every instance: "aimant-migrate" as a 64-bit number.
const MIGRATION_LOCK = 7_301_284_118_000_001n;

export const isPostgresUrl = (url) => /^postgres(ql)?:\/\//i.test(url ?? "");

/** A one-line reason a database cannot be reached, or undefined if the error is something else. */
export function unreachableReason(error) {
  const codes = new Set(["ECONNREFUSED", "ENOTFOUND", "ETIMEDOUT", "EHOSTUNREACH", "ECONNRESET", "EAI_AGAIN", "28P01", "28000", "3D000", "57P03"]);
  const code = error?.code ?? error?.errors?.[0]?.code;
  if (codes.has(code) || /timeout|terminated|connect/i.test(String(error?.message))) return `${code ?? ""} ${error?.message ?? error?.errors?.[0]?.message ?? ""}`.trim();
  return undefined;
}

/** The URL without its password, for messages. */
export function safeUrl(url) {
  try {
    const u = new URL(url);
    if (u.password) u.password = "****";
    return u.toString();
  } catch {
    return "(unparsable DATABASE_URL)";
  }
}

/** Applies the pending PostgreSQL migrations of `dir` under the advisory lock; returns the names applied. */
export async function migratePostgres(url, { dir = POSTGRES_MIGRATIONS_DIR, log = console.log } = {}) {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 10_000 });
  await client.connect();
  try {
    // A session lock on this one connection: every statement below runs on it.
    await client.query("SELECT pg_advisory_lock($1)", [MIGRATION_LOCK.toString()]);
    await client.query(`CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
      "id" VARCHAR(36) PRIMARY KEY NOT NULL, "checksum" VARCHAR(64) NOT NULL, "finished_at" TIMESTAMPTZ,
      "migration_name" VARCHAR(255) NOT NULL, "logs" TEXT, "rolled_back_at" TIMESTAMPTZ,
      "started_at" TIMESTAMPTZ NOT NULL DEFAULT now(), "applied_steps_count" INTEGER NOT NULL DEFAULT 0)`);
    const { rows } = await client.query(`SELECT "migration_name", "checksum" FROM "_prisma_migrations" WHERE "finished_at" IS NOT NULL AND "rolled_back_at" IS NULL`);
    const applied = new Map(rows.map((row) => [row.migration_name, row.checksum]));
    const names = fs
      .readdirSync(dir, { withFileTypes: true })
      .filter((entry) => entry.isDirectory() && fs.existsSync(path.join(dir, entry.name, "migration.sql")))
      .map((entry) => entry.name)
      .sort();
    const done = [];
    for (const name of names) {
      const sql = fs.readFileSync(path.join(dir, name, "migration.sql"));
      const checksum = crypto.createHash("sha256").update(sql).digest("hex");
      if (applied.has(name)) {
        if (applied.get(name) !== checksum) log(`! migration ${name} was edited after it was applied (checksum differs)`);
        continue;
      }
      log(`› applying migration ${name}`);
      await client.query("BEGIN");
      try {
        await client.query(sql.toString("utf8"));
        await client.query(
          `INSERT INTO "_prisma_migrations" ("id", "checksum", "finished_at", "migration_name", "started_at", "applied_steps_count") VALUES ($1, $2, now(), $3, now(), 1)`,
          [crypto.randomUUID(), checksum, name],
        );
        await client.query("COMMIT");
      } catch (error) {
        await client.query("ROLLBACK").catch(() => {});
        throw Object.assign(new Error(`migration ${name} failed, nothing of it was applied: ${error.message}`), { cause: error });
      }
      done.push(name);
    }
    return done;
  } finally {
    // Ending the session releases the advisory lock.
    await client.end().catch(() => {});
  }
}

/** Applies pending migrations for DATABASE_URL; exits the process with a clear message on failure. */
export async function migrateOrExit() {
  const url = process.env.DATABASE_URL;
  if (!isPostgresUrl(url)) {
    const result = spawnSync(process.execPath, [path.join(root, "scripts", "prisma.mjs"), "migrate", "deploy"], { stdio: "inherit", env: process.env });
    if (result.status !== 0) {
      console.error("✗ applying database migrations failed");
      process.exit(result.status ?? 1);
    }
    return;
  }
  try {
    const applied = await migratePostgres(url);
    console.log(applied.length ? `› ${applied.length} migration(s) applied` : "› database schema up to date");
  } catch (error) {
    const reason = unreachableReason(error);
    console.error(
      reason
        ? `✗ Cannot reach the PostgreSQL database at ${safeUrl(url)}: ${reason}\n  Check DATABASE_URL and that the server is running and accepts this user.`
        : `✗ Applying database migrations failed: ${error.message}`,
    );
    process.exit(1);
  }
}

if (import.meta.url === `file://${process.argv[1]}`) await migrateOrExit();
