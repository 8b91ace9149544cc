import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";

/**
 * A fresh SQLite database with every migration applied, for integration tests.
 * Call it before importing anything that imports lib/db (use dynamic imports):
 * the one Prisma client reads DATABASE_URL when it is created.
 */
export function useFreshDatabase(): { url: string; file: string } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "aimant-test-"));
  const file = path.join(dir, "test.db");
  const url = `file:${file}`;
  migrate(url);
  process.env.DATABASE_URL = url;
  process.env.AIMANT_DATA_DIR = dir;
  return { url, file };
}

// A hung CLI fails with its own error instead of blocking the worker. (On CI a `db push`
// once took 61 s where it takes 1 s here: room for that, and a clear failure beyond.)
const CLI_TIMEOUT_MS = 120_000;

export function migrate(url: string): string {
  return execFileSync(process.execPath, ["scripts/prisma.mjs", "migrate", "deploy"], {
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
