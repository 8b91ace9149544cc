import fs from "node:fs";
import path from "node:path";
import { defineConfig } from "prisma/config";
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaPg } from "@prisma/adapter-pg";
import { isPostgresUrl, parseEnv } from "./lib/env-schema";

// The CLI runs on the bundled WebAssembly schema engine through the driver
// adapter: Prisma's native engines cannot be downloaded on our machines.
// With a postgresql:// DATABASE_URL it reads the derived PostgreSQL schema and
// its migrations (applied by scripts/migrate.mjs, not `migrate deploy`).
const postgres = isPostgresUrl(process.env.DATABASE_URL);
export default defineConfig({
  experimental: { adapter: true },
  engine: "js",
  schema: postgres ? path.join("prisma", "postgresql", "schema.prisma") : path.join("prisma", "schema.prisma"),
  migrations: { path: postgres ? path.join("prisma", "postgresql", "migrations") : path.join("prisma", "migrations") },
  async adapter() {
    // Migrations run first on every start (scripts/start.mjs, npm run dev): a bad
    // variable stops here, with the message naming it, before anything is built or served.
    const env = parseEnv(process.env);
    if (postgres) return new PrismaPg({ connectionString: env.DATABASE_URL });
    const dir = path.resolve(env.AIMANT_DATA_DIR);
    if (!env.DATABASE_URL) fs.mkdirSync(dir, { recursive: true });
    return new PrismaBetterSQLite3({ url: env.DATABASE_URL ?? `file:${path.join(dir, "aimant.db")}` });
  },
});
