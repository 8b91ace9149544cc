import "server-only";
import { randomBytes } from "node:crypto";
import type BetterSqlite3 from "better-sqlite3";
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { databaseUrl } from "@/lib/database-url";
import { Mutex } from "@/lib/mutex";
import { foldForSearch } from "@/lib/text/fold";

/**
 * Per-connection SQLite settings. WAL lets readers run beside the writer;
 * synchronous=NORMAL in WAL mode survives a killed process (only a power cut
 * can lose the last commits); the busy timeout makes writers queue instead of
 * failing under load. Checkpointing every 4,000 pages (16 MB of WAL) instead
 * of 1,000 writes the hot index pages back four times less often: one entry
 * at a time costs about a sixth less (under a crowd, group commit already
 * writes those pages once per group and the difference is lost in the noise).
 * secure_delete zeroes deleted and overwritten content, so an erased address
 * cannot be read back from the file (see checkpointAfterErasure).
 */
const SQLITE_PRAGMAS =
  "PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL; PRAGMA foreign_keys = ON; PRAGMA busy_timeout = 10000; PRAGMA wal_autocheckpoint = 4000; PRAGMA secure_delete = ON;";

type Adapter = Awaited<ReturnType<PrismaBetterSQLite3["connect"]>>;
type Transaction = Awaited<ReturnType<Adapter["startTransaction"]>>;

/**
 * The one connection and one lock for every transaction on it, Prisma's and
 * writeTransaction's. Kept on globalThis, like the client, so that a hot
 * reload in development finds the connection the client already opened.
 */
const shared = ((globalThis as unknown as { aimantSqlite?: { transactions: Mutex; connection?: BetterSqlite3.Database } }).aimantSqlite ??= {
  transactions: new Mutex(),
});

class ConfiguredSQLite extends PrismaBetterSQLite3 {
  override async connect() {
    const adapter = await super.connect();
    await adapter.executeScript(SQLITE_PRAGMAS);
    // The adapter keeps its better-sqlite3 handle as a plain field; writeTransaction shares it.
    const connection = (shared.connection = (adapter as unknown as { client: BetterSqlite3.Database }).client);
    // fold(text) for accent- and case-blind search (SQLite's LOWER folds ASCII only). PostgreSQL twin: lower(unaccent(text)).
    connection.function("fold", { deterministic: true }, (value: unknown) => (typeof value === "string" ? foldForSearch(value) : value) as string);
    const start = adapter.startTransaction.bind(adapter);
    adapter.startTransaction = async (isolationLevel) => {
      const release = await shared.transactions.acquire();
      let tx: Transaction;
      try {
        tx = await start(isolationLevel);
      } catch (error) {
        release();
        throw error;
      }
      const [commit, rollback] = [tx.commit.bind(tx), tx.rollback.bind(tx)];
      tx.commit = () => commit().finally(release);
      tx.rollback = () => rollback().finally(release);
      return tx;
    };
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

/** What the SQL of writeTransaction takes: Prisma's own storage of dates (ISO, UTC) and booleans (0/1). */
export type SqlValue = string | number | bigint | boolean | Date | null | undefined;

/**
 * Plain SQL inside writeTransaction, for the hottest write paths. Keep it
 * portable (quoted identifiers, `?` parameters, INSERT … ON CONFLICT …
 * RETURNING): it must run on PostgreSQL too.
 */
export type SqlWriter = {
  run(sql: string, ...params: SqlValue[]): number;
  get<T>(sql: string, ...params: SqlValue[]): T | undefined;
  all<T>(sql: string, ...params: SqlValue[]): T[];
  /** INSERT INTO "table" (the rows' keys) VALUES (…), …; undefined values take the column's default. */
  insert(table: string, rows: Record<string, SqlValue>[]): void;
};

function toSql(value: SqlValue): string | number | bigint | null {
  if (value === undefined || value === null) return null;
  if (value instanceof Date) return value.toISOString().replace("Z", "+00:00");
  if (typeof value === "boolean") return value ? 1 : 0;
  return value;
}

/** Whether an error thrown by writeTransaction's SQL is a unique-index violation involving `column`. */
export function isUniqueViolation(error: unknown, column: string): boolean {
  const e = error as { code?: string; message?: string };
  return e?.code === "SQLITE_CONSTRAINT_UNIQUE" && String(e.message).includes(column);
}

let lastIdMs = 0;
let idCounter = 0;
// Random bytes drawn 4 KB at a time: one draw per id costs more than the rest of the id.
let randomPool = Buffer.alloc(0);
let randomOffset = 0;

function randomHex8(): string {
  if (randomOffset + 8 > randomPool.length) {
    randomPool = randomBytes(4096);
    randomOffset = 0;
  }
  randomOffset += 8;
  return randomPool.toString("hex", randomOffset - 8, randomOffset);
}

/**
 * A new primary key for rows written by SQL, ordered by time like Prisma's
 * cuid(): new rows land at the end of the primary-key index, where random ids
 * would dirty a different page per row. 64 random bits keep processes apart.
 */
export function newId(): string {
  const ms = Date.now();
  idCounter = ms === lastIdMs ? idCounter + 1 : 0;
  lastIdMs = ms;
  return `c${ms.toString(36).padStart(9, "0")}${idCounter.toString(36).padStart(4, "0")}${randomHex8()}`;
}

const statementsByConnection = new WeakMap<BetterSqlite3.Database, Map<string, BetterSqlite3.Statement>>();

function prepared(sqlite: BetterSqlite3.Database, sql: string): BetterSqlite3.Statement {
  let statements = statementsByConnection.get(sqlite);
  if (!statements) statementsByConnection.set(sqlite, (statements = new Map()));
  let statement = statements.get(sql);
  if (!statement) {
    // The adapter turns on safe integers for Prisma; plain numbers here.
    statement = sqlite.prepare(sql);
    if (statement.reader) statement.safeIntegers(false);
    if (statements.size > 200) statements.clear();
    statements.set(sql, statement);
  }
  return statement;
}

function writerOn(sqlite: BetterSqlite3.Database): SqlWriter {
  const writer: SqlWriter = {
    run: (sql, ...params) => prepared(sqlite, sql).run(...params.map(toSql)).changes,
    get: <T>(sql: string, ...params: SqlValue[]) => prepared(sqlite, sql).get(...params.map(toSql)) as T | undefined,
    all: <T>(sql: string, ...params: SqlValue[]) => prepared(sqlite, sql).all(...params.map(toSql)) as T[],
    insert(table, rows) {
      // Rows with the same columns go in one multi-row INSERT (100 at most), a statement being the unit of cost.
      const byShape = new Map<string, { columns: string[]; rows: Record<string, SqlValue>[] }>();
      for (const row of rows) {
        const columns = Object.keys(row).filter((column) => row[column] !== undefined);
        const shape = columns.join(",");
        const group = byShape.get(shape) ?? byShape.set(shape, { columns, rows: [] }).get(shape)!;
        group.rows.push(row);
      }
      for (const { columns, rows: group } of byShape.values()) {
        const tuple = `(${columns.map(() => "?").join(", ")})`;
        for (let i = 0; i < group.length; i += 100) {
          const chunk = group.slice(i, i + 100);
          const sql = `INSERT INTO "${table}" (${columns.map((c) => `"${c}"`).join(", ")}) VALUES ${chunk.map(() => tuple).join(", ")}`;
          writer.run(sql, ...chunk.flatMap((row) => columns.map((c) => row[c])));
        }
      }
    },
  };
  return writer;
}

async function sharedConnection(): Promise<BetterSqlite3.Database> {
  // Connecting (again, after a $disconnect) runs ConfiguredSQLite.connect, which sets shared.connection.
  if (!shared.connection?.open) await db.$connect();
  return shared.connection!;
}

/**
 * After an erasure has committed: copies the WAL into the database file and
 * truncates the WAL, whose older frames still hold the erased values
 * (secure_delete has zeroed them in the pages written back). Returns false
 * when a reader of another process kept the WAL from being reset; the next
 * erasure or automatic checkpoint finishes the job.
 */
export async function checkpointAfterErasure(): Promise<boolean> {
  const sqlite = await sharedConnection();
  const release = await shared.transactions.acquire();
  try {
    const [result] = sqlite.pragma("wal_checkpoint(TRUNCATE)") as Array<{ busy: number }>;
    return result?.busy === 0;
  } finally {
    release();
  }
}

/** Plain SQL reads on the shared connection, for hot read paths (no lock, like Prisma's own reads). */
export async function readSql<T>(work: (sql: SqlWriter) => T): Promise<T> {
  return work(writerOn(await sharedConnection()));
}

type QueuedWrite = { work: (sql: SqlWriter) => unknown; resolve: (value: unknown) => void; reject: (error: unknown) => void };
let queuedWrites: QueuedWrite[] = [];
let flushScheduled = false;

/**
 * Runs `work` atomically on the shared connection, synchronously: nothing
 * else of the process runs in the middle, and a throw undoes all it wrote.
 * Costs a fraction of an interactive Prisma transaction, which is why the
 * public submission path uses it. Never call it inside `db.$transaction`
 * (both take the same lock).
 *
 * Group commit: the writes that arrive in the same turn of the event loop
 * share one transaction, each in its own savepoint (one failing leaves the
 * others alone), and each promise settles after the COMMIT. Under a crowd
 * the pages every entry touches (the ends of the indexes) are written once
 * per group instead of once per entry.
 */
export function writeTransaction<T>(work: (sql: SqlWriter) => T): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    queuedWrites.push({ work, resolve: resolve as (value: unknown) => void, reject });
    if (!flushScheduled) {
      flushScheduled = true;
      setImmediate(() => void flushWrites());
    }
  });
}

async function flushWrites(): Promise<void> {
  let sqlite: BetterSqlite3.Database;
  let release: () => void;
  try {
    sqlite = await sharedConnection();
    release = await shared.transactions.acquire();
  } catch (error) {
    const failed = queuedWrites;
    queuedWrites = [];
    flushScheduled = false;
    for (const item of failed) item.reject(error);
    return;
  }
  // Taken once the lock is held: what arrived while waiting joins this group.
  const group = queuedWrites;
  queuedWrites = [];
  flushScheduled = false;
  const writer = writerOn(sqlite);
  const results: Array<{ ok: true; value: unknown } | { ok: false; error: unknown }> = [];
  // Nested better-sqlite3 transactions are savepoints.
  const one = sqlite.transaction((item: QueuedWrite) => item.work(writer));
  const all = sqlite.transaction(() => {
    for (const item of group) {
      try {
        results.push({ ok: true, value: one(item) });
      } catch (error) {
        results.push({ ok: false, error });
      }
    }
  });
  try {
    all.immediate();
  } catch (error) {
    // BEGIN or COMMIT failed: nothing of the group was written.
    for (const item of group) item.reject(error);
    return;
  } finally {
    release();
  }
  group.forEach((item, i) => {
    const result = results[i]!;
    if (result.ok) item.resolve(result.value);
    else item.reject(result.error);
  });
}
