import "server-only";
import { randomBytes } from "node:crypto";
import { Prisma, PrismaClient } from "@/lib/generated/prisma/client";
import { PrismaClient as PostgresPrismaClient } from "@/lib/generated/prisma-postgresql/client";
import { databaseUrl } from "@/lib/env";
import { isPostgresUrl } from "@/lib/env-schema";
import { activeContext, connections, enqueue, nested, newStorageState, outsideTransaction, readerSql, StorageAdapterFactory, type StorageState } from "@/lib/storage/sqlite";
import {
  isPostgresUniqueViolation,
  newPostgresState,
  PostgresAdapterFactory,
  postgresReadSql,
  postgresWriteStatement,
  postgresWriteTransaction,
  type PostgresState,
} from "@/lib/storage/postgres";
import type { Sql, SqlValue } from "@/lib/storage/sql";

export type { Sql, SqlValue } from "@/lib/storage/sql";
/** The Sql handed to writeTransaction's work (the former synchronous SqlWriter, now async). */
export type SqlWriter = Sql;

/** SQLite (the embedded default, `file:` URL) or PostgreSQL (`postgresql://`), chosen at run time from DATABASE_URL. */
type Storage = { state: StorageState; db: PrismaClient; postgres?: undefined } | { state?: undefined; db: PrismaClient; postgres: PostgresState };

/**
 * One storage per process, on globalThis under one key: Next bundles this
 * module once per layer, and each copy must find the same connections,
 * writer queue and client (and a hot reload in development too).
 */
const STORAGE_KEY = Symbol.for("aimant.storage");
const storage = ((globalThis as unknown as Record<symbol, Storage | undefined>)[STORAGE_KEY] ??= createStorage());

function createStorage(): Storage {
  const url = databaseUrl();
  return isPostgresUrl(url) ? createPostgresStorage(url) : createSqliteStorage(url);
}

/** The same client shape on PostgreSQL: its type differs from SQLite's only in isolation levels and `mode`. */
function createPostgresStorage(url: string): Storage {
  const postgres = newPostgresState(url);
  const base = new PostgresPrismaClient({
    adapter: new PostgresAdapterFactory(postgres),
    transactionOptions: { maxWait: 10_000, timeout: 15_000 },
  }) as unknown as PrismaClient;
  return { postgres, db: routedClient(base, (work) => postgresWriteTransaction(postgres, work)) };
}

/** The exported client: `$transaction` goes through writeTransaction (its queue on SQLite, savepoints when nested). */
function routedClient(base: PrismaClient, writeTransactionOf: <T>(work: () => Promise<T>) => Promise<T>): PrismaClient {
  const transaction = ((arg: unknown, options: unknown) =>
    writeTransactionOf(() => (base.$transaction as (a: unknown, o: unknown) => Promise<unknown>)(arg, options))) as PrismaClient["$transaction"];
  return new Proxy(base, {
    get(target, property) {
      if (property === "$transaction") return transaction;
      const value = Reflect.get(target, property, target) as unknown;
      return typeof value === "function" && typeof property === "string" && property.startsWith("$") ? value.bind(target) : value;
    },
  });
}

function createSqliteStorage(url: string): Storage {
  const state = newStorageState();
  const base = new PrismaClient({
    adapter: new StorageAdapterFactory(url, state),
    // Waiting for the writer is not an error: a transaction starts when the writer is free.
    transactionOptions: { maxWait: 60_000, timeout: 15_000 },
  });
  state.connect = () => base.$connect();
  // Prisma's $transaction goes through writeTransaction: the same queue, and its callback runs in the transaction's context.
  return { state, db: routedClient(base, (work) => writeTransactionOn(state, work)) };
}

/**
 * The one Prisma client of the process. Its reads outside a transaction run
 * on a read connection and see committed data only; its writes and its
 * `$transaction`s go through the one writer queue (writeTransaction), so no
 * write ever lands inside another request's open transaction.
 */
export const db: PrismaClient = storage.db;

export type Db = PrismaClient;
export type Tx = Parameters<Parameters<PrismaClient["$transaction"]>[0]>[0];

/** Which database this process uses (SQL that differs between the two asks this). */
export const databaseKind: "sqlite" | "postgresql" = storage.postgres ? "postgresql" : "sqlite";

/** Closes the PostgreSQL pool (scripts and tests; the server keeps it for its lifetime). */
export async function closeStorage(): Promise<void> {
  await storage.db.$disconnect();
  if (storage.postgres) await storage.postgres.pool.end();
}

function writeTransactionOn<T>(state: StorageState, work: (sql: Sql) => Promise<T> | T): Promise<T> {
  const ctx = activeContext(state);
  if (ctx) return nested(ctx, work);
  return enqueue(state, async (c) => work(c.sql), true);
}

/**
 * THE write boundary: runs `work` in one transaction on the writer, and
 * settles with its own outcome once committed (or rolled back). `work` is
 * async; every statement it awaits runs inside the transaction, and a throw
 * undoes all it wrote. Prisma inside it: `db.$transaction(async (tx) => …)`
 * joins this transaction (savepoint); called inside a transaction, this one
 * is a savepoint of it. Keep network and other slow waits out of `work`: it
 * holds the writer.
 *
 * Group commit: the writes that arrive in the same turn of the event loop
 * share one transaction, each in its own savepoint; an item that fails leaves
 * the others alone, and if SQLite drops the whole transaction, the other items
 * run again alone (or fail with that cause): every caller gets its true answer.
 */
export function writeTransaction<T>(work: (sql: Sql) => Promise<T> | T): Promise<T> {
  if (storage.postgres) return postgresWriteTransaction(storage.postgres, work);
  return writeTransactionOn(storage.state, work);
}

/**
 * One statement that is a whole write by itself (an upsert of a counter):
 * atomic on its own, so PostgreSQL runs it without BEGIN and COMMIT around
 * it, two round trips fewer; inside a transaction it is part of it. Returns
 * its first row (RETURNING).
 */
export function writeStatement<T>(text: string, ...params: SqlValue[]): Promise<T | undefined> {
  if (storage.postgres) return postgresWriteStatement<T>(storage.postgres, text, params);
  return writeTransactionOn(storage.state, (sql) => sql.get<T>(text, ...params));
}

/**
 * Plain SQL reads, for hot read paths: committed data only (the read
 * connection), or the current transaction's view inside one.
 */
export async function readSql<T>(work: (sql: Sql) => Promise<T> | T): Promise<T> {
  if (storage.postgres) return work(postgresReadSql(storage.postgres));
  const ctx = activeContext(storage.state);
  return work(ctx ? ctx.sql : await readerSql(storage.state));
}

/**
 * After an erasure has committed: copies the WAL into the database file and
 * truncates the WAL, whose older frames still hold the erased values
 * (secure_delete has zeroed them in the pages written back). Returns false
 * when a reader kept the WAL from being reset; the next erasure or automatic
 * checkpoint finishes the job. Holds the writer, outside any transaction.
 */
export async function checkpointAfterErasure(): Promise<boolean> {
  // PostgreSQL has no WAL file of old pages to reset here: autovacuum reclaims the dead row versions.
  if (storage.postgres) return true;
  const { writerDb } = await connections(storage.state);
  return outsideTransaction(storage.state, async () => {
    // The checkpoint thread may be copying pages back at this instant: try again for a moment.
    for (let attempt = 0; ; attempt++) {
      const [result] = writerDb.pragma("wal_checkpoint(TRUNCATE)") as Array<{ busy: number }>;
      if (result?.busy === 0) return true;
      if (attempt === 50) return false;
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
  });
}

/** Tables whose rows serve as locks for a check-then-act. */
export type LockedTable = "Organisation" | "Response" | "Draw" | "Campaign";

/**
 * Locks one row until the end of the current transaction, before reading
 * what decides a write (check-then-act): the same no-op update (portable)
 * takes the row's lock on PostgreSQL, so a concurrent transaction doing the
 * same waits and then reads the committed result; on SQLite the transaction
 * already holds the one writer. Works with a Prisma tx or writeTransaction's sql.
 */
export async function lockRow(tx: Tx | Sql, table: LockedTable, id: string): Promise<void> {
  const update = `UPDATE "${table}" SET "id" = "id" WHERE "id" = `;
  if ("run" in tx) await tx.run(`${update}?`, id);
  else await tx.$executeRaw(Prisma.sql([update, ""], id));
}

/** Whether an error thrown by writeTransaction's SQL is a unique-index violation involving `column`. */
export function isUniqueViolation(error: unknown, column: string): boolean {
  if (storage.postgres) return isPostgresUniqueViolation(error, column);
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
