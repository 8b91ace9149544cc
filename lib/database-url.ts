import fs from "node:fs";
import path from "node:path";

/** The data folder: ./data unless AIMANT_DATA_DIR says otherwise. */
export function dataDir(): string {
  const dir = path.resolve(/*turbopackIgnore: true*/ process.env.AIMANT_DATA_DIR ?? "data");
  fs.mkdirSync(dir, { recursive: true });
  return dir;
}

/** DATABASE_URL, or an SQLite file in the data folder (created on first use). */
export function databaseUrl(): string {
  const fromEnv = process.env.DATABASE_URL;
  if (fromEnv) return fromEnv;
  const url = `file:${path.join(dataDir(), "aimant.db")}`;
  process.env.DATABASE_URL = url;
  return url;
}
