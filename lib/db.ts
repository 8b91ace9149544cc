import "server-only";
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { databaseUrl } from "@/lib/database-url";

/**
 * Per-connection SQLite settings. WAL lets readers run beside the writer;
 * synchronous=NORMAL in WAL mode survives a killed process (only a power cut
 * can lose the last commits); the busy timeout makes writers queue instead of
 * failing under load.
 */
const SQLITE_PRAGMAS =
  "PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL; PRAGMA foreign_keys = ON; PRAGMA busy_timeout = 10000;";

class ConfiguredSQLite extends PrismaBetterSQLite3 {
  override async connect() {
    const adapter = await super.connect();
    await adapter.executeScript(SQLITE_PRAGMAS);
    return adapter;
  }
}

/** The choice of driver adapter lives here alone (PostgreSQL would plug in here). */
function createClient() {
  return new PrismaClient({ adapter: new ConfiguredSQLite({ url: databaseUrl() }) });
}

const globalForPrisma = globalThis as unknown as { aimantPrisma?: PrismaClient };

/** The one Prisma client of the process (kept across hot reloads in development). */
export const db: PrismaClient = globalForPrisma.aimantPrisma ?? createClient();
if (process.env.NODE_ENV !== "production") globalForPrisma.aimantPrisma = db;

export type Db = PrismaClient;
export type Tx = Parameters<Parameters<PrismaClient["$transaction"]>[0]>[0];
