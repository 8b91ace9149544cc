import { AsyncLocalStorage } from "node:async_hooks";
import type BetterSqlite3 from "better-sqlite3";
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { Mutex } from "@/lib/mutex";
import { foldForSearch } from "@/lib/text/fold";
import { retryWhileBusy } from "./busy";
import { startCheckpointer, type Checkpointer } from "./checkpointer";
import { sqlOn, type Sql } from "./sql";

type Adapter = Awaited<ReturnType<PrismaBetterSQLite3["connect"]>>;
type Transaction = Awaited<ReturnType<Adapter["startTransaction"]>>;
type Query = Parameters<Adapter["queryRaw"]>[0];

/**
 * Per-connection SQLite settings. WAL lets the read connection run beside the
 * writer and see only committed data; synchronous=NORMAL in WAL mode survives
 * a killed process (only a power cut can lose the last commits). busy_timeout
 * 0: better-sqlite3 waits synchronously, which would stall the whole event
 * loop while another process (the purge) holds the lock, so SQLITE_BUSY is
 * retried asynchronously instead (busy.ts). The checkpoint thread
 * (checkpointer.ts) copies the WAL back; if it is not running, the writer
 * checkpoints every 4,000 pages, which writes the hot index pages back four
 * times less often than every 1,000.
 * secure_delete zeroes deleted and overwritten content, so an erased address
 * cannot be read back from the file (see checkpointAfterErasure).
 * temp_store = MEMORY keeps the statement and savepoint journals (one per
 * multi-row INSERT and per item of a group) out of temporary files: it took
 * four fifths of the system time of a submission's writes.
 */
const WRITER_PRAGMAS =
  "PRAGMA busy_timeout = 0; PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL; PRAGMA foreign_keys = ON; PRAGMA wal_autocheckpoint = 4000; PRAGMA secure_delete = ON; PRAGMA temp_store = MEMORY;";
const READER_PRAGMAS = "PRAGMA busy_timeout = 0; PRAGMA foreign_keys = ON; PRAGMA query_only = ON;";

type Connections = {
  writer: Adapter;
  reader: Adapter;
  writerDb: BetterSqlite3.Database;
  readerDb: BetterSqlite3.Database;
  /** Each item of a group opens and releases a savepoint: prepared once, not parsed every time. */
  itemSavepoint: { open: BetterSqlite3.Statement; release: BetterSqlite3.Statement };
  checkpointer?: Checkpointer;
};

/** One transaction (or one item of a group) while its work runs. */
type Context = { active: boolean; sqlite: BetterSqlite3.Database; writer: Adapter; savepoints: number; sql: Sql };

type Item = { work: (ctx: Context) => Promise<unknown>; retryable: boolean; resolve: (value: unknown) => void; reject: (error: unknown) => void };

/**
 * The process's storage: the two connections, the writer queue and the
 * transaction context. Kept on globalThis under one key, because Next
 * bundles lib/db.ts once per layer (server components, route handlers,
 * instrumentation): one process, one writer.
 */
export type StorageState = {
  connections?: Connections;
  connect?: () => Promise<void>;
  lock: Mutex;
  queue: Item[];
  flushScheduled: boolean;
  context: AsyncLocalStorage<Context>;
};

export function newStorageState(): StorageState {
  return { lock: new Mutex(), queue: [], flushScheduled: false, context: new AsyncLocalStorage() };
}

export class TransactionOver extends Error {
  constructor(reason: "finished" | "rolledBack") {
    super(
      reason === "finished"
        ? "This transaction is over: await every statement inside the transaction's work."
        : "SQLite rolled this transaction back (its cause was thrown earlier); nothing more runs in it.",
    );
    this.name = "TransactionOver";
  }
}

class MisplacedWrite extends Error {
  constructor() {
    super("A write through the global `db` inside a transaction: use the transaction's client (tx) or its sql.");
    this.name = "MisplacedWrite";
  }
}

function guardOf(ctx: Context): () => void {
  return () => {
    if (!ctx.active) throw new TransactionOver("finished");
    // After SQLite rolled back on its own (disk full, RAISE(ROLLBACK) …) a statement would autocommit alone.
    if (!ctx.sqlite.inTransaction) throw new TransactionOver("rolledBack");
  };
}

function newContext(c: Connections): Context {
  const ctx = { active: true, sqlite: c.writerDb, writer: c.writer, savepoints: 0 } as Context;
  ctx.sql = sqlOn(c.writerDb, guardOf(ctx));
  return ctx;
}

/** The transaction whose work is running here, if any (work that outlived it gets nothing). */
export function activeContext(state: StorageState): Context | undefined {
  const ctx = state.context.getStore();
  return ctx?.active ? ctx : undefined;
}

const handleOf = (adapter: Adapter) => (adapter as unknown as { client: BetterSqlite3.Database }).client;

/** Prisma's driver adapter: writes through the writer queue, reads on the read connection. */
export class StorageAdapterFactory {
  readonly provider = "sqlite" as const;
  readonly adapterName = "@prisma/adapter-better-sqlite3";

  constructor(
    private readonly url: string,
    private readonly state: StorageState,
  ) {}

  async connect(): Promise<Adapter> {
    const writer = await new PrismaBetterSQLite3({ url: this.url }).connect();
    await retryWhileBusy(() => writer.executeScript(WRITER_PRAGMAS));
    const reader = await new PrismaBetterSQLite3({ url: this.url }).connect();
    await retryWhileBusy(() => reader.executeScript(READER_PRAGMAS));
    const writerDb = handleOf(writer);
    const itemSavepoint = { open: writerDb.prepare("SAVEPOINT item"), release: writerDb.prepare("RELEASE item") };
    const c: Connections = { writer, reader, writerDb, readerDb: handleOf(reader), itemSavepoint };
    // fold(text) for accent- and case-blind search (SQLite's LOWER folds ASCII only). PostgreSQL twin: lower(unaccent(text)).
    for (const sqlite of [c.writerDb, c.readerDb]) {
      sqlite.function("fold", { deterministic: true }, (value: unknown) => (typeof value === "string" ? foldForSearch(value) : value) as string);
    }
    if (!c.writerDb.memory) {
      // The writer's own automatic checkpoint (wal_autocheckpoint above) only while the checkpoint thread is not running.
      const autocheckpoint = (pages: number) => () => void (c.writerDb.open && c.writerDb.pragma(`wal_autocheckpoint = ${pages}`));
      c.checkpointer = startCheckpointer(c.writerDb.name, autocheckpoint(0), autocheckpoint(4000));
    }
    this.state.connections = c;
    return storageAdapter(c, this.state);
  }
}

/**
 * The connection that sees committed data only, for one statement: the
 * writer itself while it has no transaction open (its page cache is warm,
 * and a synchronous statement cannot interleave with one), else the read
 * connection.
 */
function committedReader(c: Connections): Adapter {
  return c.writerDb.inTransaction ? c.reader : c.writer;
}

const isRead = (sql: string) => /^\s*(SELECT|WITH)\b/i.test(sql);
const isPragma = (sql: string) => /^\s*PRAGMA\b/i.test(sql);

function storageAdapter(c: Connections, state: StorageState): Adapter {
  function route<T>(query: Query, run: (adapter: Adapter) => Promise<T>): Promise<T> {
    // Outside a transaction, reads see committed data only (Prisma's queries in a transaction go through its Transaction).
    if (isRead(query.sql)) return retryWhileBusy(() => run(committedReader(c)));
    if (activeContext(state)) return Promise.reject(new MisplacedWrite());
    if (isPragma(query.sql)) return outsideTransaction(state, () => run(c.writer));
    return enqueue(state, () => run(c.writer), true);
  }
  const adapter = {
    provider: "sqlite",
    adapterName: c.writer.adapterName,
    queryRaw: (query: Query) => route(query, (a) => a.queryRaw(query)),
    executeRaw: (query: Query) => route(query, (a) => a.executeRaw(query)),
    executeScript: (script: string) => outsideTransaction(state, () => c.writer.executeScript(script)),
    async startTransaction(isolationLevel?: Parameters<Adapter["startTransaction"]>[0]): Promise<Transaction> {
      if (isolationLevel && isolationLevel !== "SERIALIZABLE") return c.writer.startTransaction(isolationLevel);
      const ctx = activeContext(state);
      if (ctx) return savepointTransaction(ctx);
      // A transaction Prisma opens by itself (a nested write, a batch): one item of the writer queue, open until Prisma ends it.
      return new Promise<Transaction>((resolveStart, rejectStart) => {
        let started = false;
        const outcome = enqueue(
          state,
          (ctx) =>
            new Promise((finish, abort) => {
              started = true;
              resolveStart(itemTransaction(ctx, finish, abort, () => outcome));
            }),
          false,
        );
        outcome.catch((error: unknown) => {
          if (!started) rejectStart(error);
        });
      });
    },
    async dispose() {
      if (state.connections === c) state.connections = undefined;
      c.checkpointer?.close();
      await c.reader.dispose();
      await c.writer.dispose();
    },
  };
  return adapter as unknown as Adapter;
}

function transactionOver(ctx: Context, name: string, commit: () => void, rollback: () => void): Transaction {
  const guard = guardOf(ctx);
  const transaction = {
    provider: "sqlite",
    adapterName: ctx.writer.adapterName,
    // Prisma calls commit() and rollback() and sends no SQL of its own for them.
    options: { usePhantomQuery: true },
    queryRaw: async (query: Query) => (guard(), ctx.writer.queryRaw(query)),
    executeRaw: async (query: Query) => (guard(), ctx.writer.executeRaw(query)),
    commit: async () => commit(),
    rollback: async () => rollback(),
  };
  void name;
  return transaction as unknown as Transaction;
}

/** Prisma's $transaction inside a running transaction: a savepoint of it. */
function savepointTransaction(ctx: Context): Transaction {
  const name = `prisma_${++ctx.savepoints}`;
  guardOf(ctx)();
  ctx.sqlite.exec(`SAVEPOINT ${name}`);
  return transactionOver(
    ctx,
    name,
    () => {
      guardOf(ctx)();
      ctx.sqlite.exec(`RELEASE ${name}`);
    },
    () => {
      if (ctx.sqlite.inTransaction) ctx.sqlite.exec(`ROLLBACK TO ${name}; RELEASE ${name}`);
    },
  );
}

const ROLLED_BACK = Symbol("rolled back by Prisma");

/** The item's own savepoint already surrounds it: commit lets the group go on, and answers once the group committed. */
function itemTransaction(ctx: Context, finish: (value: unknown) => void, abort: (error: unknown) => void, outcome: () => Promise<unknown>): Transaction {
  const transaction = transactionOver(
    ctx,
    "item",
    () => finish(undefined),
    () => abort(ROLLED_BACK),
  );
  return Object.assign(transaction, {
    commit: async () => {
      finish(undefined);
      await outcome();
    },
    rollback: async () => {
      abort(ROLLED_BACK);
      await outcome().catch((error: unknown) => {
        if (error !== ROLLED_BACK) throw error;
      });
    },
  });
}

/** Runs `work` holding the writer lock, outside any transaction (PRAGMAs, scripts). */
export async function outsideTransaction<T>(state: StorageState, work: () => Promise<T>): Promise<T> {
  const release = await state.lock.acquire();
  try {
    return await retryWhileBusy(work);
  } finally {
    release();
  }
}

export async function connections(state: StorageState): Promise<Connections> {
  if (!state.connections?.writerDb.open) await state.connect!();
  return state.connections!;
}

/**
 * Queues `work` for the writer. The items that arrive in the same turn of the
 * event loop share one BEGIN IMMEDIATE … COMMIT (group commit), each in its
 * own savepoint, one after the other; each promise settles with that item's
 * true outcome, after the COMMIT.
 */
export function enqueue<T>(state: StorageState, work: (ctx: Context) => Promise<T>, retryable: boolean): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    state.queue.push({ work, retryable, resolve: resolve as (value: unknown) => void, reject });
    if (!state.flushScheduled) {
      state.flushScheduled = true;
      setImmediate(() => void flush(state));
    }
  });
}

async function flush(state: StorageState): Promise<void> {
  const release = await state.lock.acquire();
  // A long WAL is copied back before this transaction begins, so that it begins the WAL again (checkpointer.ts).
  const checkpointer = state.connections?.checkpointer;
  if (checkpointer?.wantsDrain()) await checkpointer.drain();
  // Taken once the lock is held: what arrived while waiting joins this group.
  const group = state.queue;
  state.queue = [];
  state.flushScheduled = false;
  try {
    const again = await runGroup(state, group);
    // Not committed because of another item: each runs again alone.
    for (const item of again) await runGroup(state, [item]);
  } catch (error) {
    for (const item of group) item.reject(error);
  } finally {
    release();
  }
}

/** Runs a group in one transaction; returns the items to run again alone. */
async function runGroup(state: StorageState, items: Item[]): Promise<Item[]> {
  let c: Connections;
  try {
    c = await connections(state);
    await retryWhileBusy(() => c.writerDb.exec("BEGIN IMMEDIATE"));
  } catch (error) {
    for (const item of items) item.reject(error);
    return [];
  }
  const sqlite = c.writerDb;
  const done: Array<{ item: Item; value: unknown }> = [];
  // The whole transaction is gone: settle `failed` with its cause, the others run again alone (or fail with that cause).
  const lost = (failed: Item, cause: unknown, next: Item[]) => {
    failed.reject(cause);
    const again = [...next];
    for (const { item } of done) {
      if (item.retryable && items.length > 1) again.push(item);
      else item.reject(cause);
    }
    return again;
  };
  for (let i = 0; i < items.length; i++) {
    const item = items[i]!;
    const ctx = newContext(c);
    c.itemSavepoint.open.run();
    try {
      const value = await state.context.run(ctx, () => item.work(ctx));
      ctx.active = false;
      if (!sqlite.inTransaction) return lost(item, new TransactionOver("rolledBack"), items.slice(i + 1));
      c.itemSavepoint.release.run();
      done.push({ item, value });
    } catch (error) {
      ctx.active = false;
      if (!sqlite.inTransaction) return lost(item, error, items.slice(i + 1));
      sqlite.exec("ROLLBACK TO item; RELEASE item");
      item.reject(error);
    }
  }
  try {
    sqlite.exec("COMMIT");
  } catch (error) {
    if (sqlite.inTransaction) sqlite.exec("ROLLBACK");
    const again: Item[] = [];
    for (const { item } of done) {
      if (item.retryable && items.length > 1) again.push(item);
      else item.reject(error);
    }
    return again;
  }
  c.checkpointer?.committed();
  for (const { item, value } of done) item.resolve(value);
  return [];
}

/** A savepoint inside the running transaction, for writeTransaction called inside a transaction. */
export async function nested<T>(ctx: Context, work: (sql: Sql) => Promise<T> | T): Promise<T> {
  const name = `nested_${++ctx.savepoints}`;
  guardOf(ctx)();
  ctx.sqlite.exec(`SAVEPOINT ${name}`);
  try {
    const value = await work(ctx.sql);
    guardOf(ctx)();
    ctx.sqlite.exec(`RELEASE ${name}`);
    return value;
  } catch (error) {
    if (ctx.sqlite.inTransaction) ctx.sqlite.exec(`ROLLBACK TO ${name}; RELEASE ${name}`);
    throw error;
  }
}

/** Plain SQL reads of committed data on the read connection (retried while another process is busy). */
export async function readerSql(state: StorageState): Promise<Sql> {
  const c = await connections(state);
  const onWriter = sqlOn(c.writerDb);
  const onReader = sqlOn(c.readerDb);
  const pick = () => (c.writerDb.inTransaction ? onReader : onWriter);
  return {
    get: (text, ...params) => retryWhileBusy(() => pick().get(text, ...params)),
    all: (text, ...params) => retryWhileBusy(() => pick().all(text, ...params)),
    // Writes do not belong here: the query_only connection refuses them, loudly.
    run: (text, ...params) => onReader.run(text, ...params),
    insert: (table, rows) => onReader.insert(table, rows),
  };
}
