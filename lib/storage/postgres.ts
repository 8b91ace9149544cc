import { AsyncLocalStorage } from "node:async_hooks";
import { createHash } from "node:crypto";
import pg from "pg";
import { PrismaPg } from "@prisma/adapter-pg";
import { env } from "@/lib/env";
import { insertStatements, type Sql, type SqlValue } from "./sql";

/**
 * The storage API of decision 013 on a PostgreSQL pool. The server queues
 * writers itself, so there is no writer queue and no group commit here: each
 * writeTransaction takes one pooled connection for its BEGIN … COMMIT, nested
 * ones are savepoints of it, reads go to the pool (READ COMMITTED sees
 * committed data only), lockRow takes a real row lock.
 */

type Adapter = Awaited<ReturnType<PrismaPg["connect"]>>;
type Transaction = Awaited<ReturnType<Adapter["startTransaction"]>>;
type Query = Parameters<Adapter["queryRaw"]>[0];
type AdapterClass = new (client: pg.PoolClient) => Adapter;

type Statement = { text: string; params: SqlValue[] };
/**
 * `serial` runs one statement at a time and sends the deferred inserts first;
 * `queue` is the same line without that (to discard them instead).
 */
type Context = { active: boolean; client: pg.PoolClient; adapter: Adapter; savepoints: number; sql: Sql; serial: Serial; queue: Serial; deferred: Statement[] };

/** One statement at a time on a transaction's connection (pg refuses parallel queries on one client from its next major). */
type Serial = <T>(statement: () => Promise<T>) => Promise<T>;
function newSerial(): Serial {
  let tail: Promise<unknown> = Promise.resolve();
  return <T>(statement: () => Promise<T>) => {
    const result = tail.then(statement);
    tail = result.catch(() => {});
    return result;
  };
}

export type PostgresState = {
  pool: pg.Pool;
  adapterClass?: AdapterClass;
  context: AsyncLocalStorage<Context>;
};

/**
 * What plain SQL reads back: the same values as on SQLite (decision 013's
 * Sql contract), so call sites need no dialect: counts and sums as numbers,
 * timestamps (stored as UTC in `timestamp(3)`) as the ISO text Prisma stores
 * on SQLite, booleans as 0/1. Prisma's own queries use the adapter's parsers.
 */
const timestampText = (value: string) => new Date(`${value.replace(" ", "T")}Z`).toISOString().replace("Z", "+00:00");
const PARSERS: Record<number, (value: string) => unknown> = {
  20: Number, // int8: count(*), sum(int)
  1700: Number, // numeric: avg, sum(bigint)
  16: (value) => (value === "t" ? 1 : 0),
  1114: timestampText,
  1184: (value) => new Date(value).toISOString().replace("Z", "+00:00"),
};
const sqlTypes = {
  getTypeParser: (oid: number, format?: string) => PARSERS[oid] ?? pg.types.getTypeParser(oid, format as "text"),
} as unknown as pg.CustomTypesConfig;

export function newPostgresState(url: string): PostgresState {
  const pool = new pg.Pool({
    connectionString: url,
    max: env().AIMANT_PG_POOL_SIZE,
    // A database that is down answers 503 within seconds instead of queueing requests forever.
    connectionTimeoutMillis: 5_000,
    idleTimeoutMillis: 30_000,
    allowExitOnIdle: true,
    types: sqlTypes,
  });
  // An idle connection the server dropped (restart, failover): the pool replaces it; without a listener it would crash the process.
  pool.on("error", (error) => console.error(`PostgreSQL: idle connection lost (${error.message})`));
  return { pool, context: new AsyncLocalStorage() };
}

class TransactionOver extends Error {
  constructor() {
    super("This transaction is over: await every statement inside the transaction's work.");
    this.name = "TransactionOver";
  }
}

class MisplacedWrite extends Error {
  constructor() {
    super("A write through the global `db` inside a transaction: use the transaction's client (tx) or its sql.");
    this.name = "MisplacedWrite";
  }
}

/** `?` placeholders (outside quotes) as PostgreSQL's `$1, $2 …`. */
export function numberedPlaceholders(text: string): string {
  let out = "";
  let n = 0;
  let quote: string | null = null;
  for (const ch of text) {
    if (quote) {
      if (ch === quote) quote = null;
    } else if (ch === "'" || ch === '"') quote = ch;
    else if (ch === "?") {
      out += `$${++n}`;
      continue;
    }
    out += ch;
  }
  return out;
}

const placeholderCache = new Map<string, string>();
function translated(text: string): string {
  let result = placeholderCache.get(text);
  if (result === undefined) {
    result = numberedPlaceholders(text);
    if (placeholderCache.size > 500) placeholderCache.clear();
    placeholderCache.set(text, result);
  }
  return result;
}

/** Parameters as pg sends them: dates as ISO text (pg would send local time), undefined as NULL. */
function toParam(value: SqlValue): unknown {
  if (value === undefined || value === null) return null;
  if (value instanceof Date) return value.toISOString();
  if (typeof value === "bigint") return value.toString();
  return value;
}

type Queryable = Pick<pg.Pool, "query"> | pg.PoolClient;

// Statement texts as named prepared statements: PostgreSQL parses and plans each once per connection, not on
// every request (the hot paths send the same few texts). The name is a digest of the text, so the copies of
// this module Next bundles (one per layer, one pool) agree on it; past MAX_NAMED texts, the rest go unnamed.
const MAX_NAMED = 1000;
const statementNames = new Map<string, string>();
export function statementName(text: string): string | undefined {
  let name = statementNames.get(text);
  if (name === undefined && statementNames.size < MAX_NAMED) {
    name = `aimant_${createHash("sha256").update(text).digest("hex").slice(0, 32)}`;
    statementNames.set(text, name);
  }
  return name;
}

/** One statement as pg sends it: `?` numbered, parameters converted, prepared under its name. */
function statementOf(text: string, params: SqlValue[]): pg.QueryConfig {
  const translatedText = translated(text);
  return { name: statementName(translatedText), text: translatedText, values: params.map(toParam), types: sqlTypes };
}

function sqlOn(target: Queryable, guard: () => void = () => {}, serial: Serial = (statement) => statement()): Sql {
  const query = (text: string, params: SqlValue[]) =>
    serial(async () => {
      guard();
      return target.query(statementOf(text, params));
    });
  return {
    run: async (text, ...params) => (await query(text, params)).rowCount ?? 0,
    get: async <T>(text: string, ...params: SqlValue[]) => (await query(text, params)).rows[0] as T | undefined,
    all: async <T>(text: string, ...params: SqlValue[]) => (await query(text, params)).rows as T[],
    insert: async (table, rows) => {
      for (const { text, params } of insertStatements(table, rows)) await query(text, params);
    },
  };
}

/** Above this many parameters the deferred inserts go out at once (PostgreSQL takes 65,535 in one statement). */
const MAX_DEFERRED_PARAMS = 30_000;

/**
 * Several INSERTs as one statement: all but the last become data-modifying
 * CTEs, each executed exactly once. Foreign keys are checked at the end of the
 * statement, so a parent and its children may share it; a unique index is
 * checked row by row and fails the statement as a lone INSERT would.
 */
function chainedInserts(statements: Statement[]): Statement {
  if (statements.length === 1) return statements[0]!;
  const ctes = statements.slice(0, -1).map((s, i) => `i${i} AS (${s.text})`);
  return { text: `WITH ${ctes.join(", ")} ${statements.at(-1)!.text}`, params: statements.flatMap((s) => s.params) };
}

/** Sends the transaction's deferred inserts, as few statements as the parameter limit allows. */
async function sendDeferred(ctx: Context): Promise<void> {
  while (ctx.deferred.length > 0) {
    let count = 0;
    let params = 0;
    while (count < ctx.deferred.length && (count === 0 || params + ctx.deferred[count]!.params.length <= MAX_DEFERRED_PARAMS)) params += ctx.deferred[count++]!.params.length;
    // Taken before sending: a failed statement leaves nothing to send again.
    const { text, params: values } = chainedInserts(ctx.deferred.splice(0, count));
    await ctx.client.query(statementOf(text, values));
  }
}

/**
 * A transaction's Sql. Its inserts wait and go out together, chained into one
 * statement, just before the transaction's next statement or its commit: an
 * entry's rows (response, answers, consents, token, mail) cost one round trip
 * instead of five. What an insert does wrong is told by that later statement,
 * inside the same transaction, which then rolls back whole.
 */
function transactionSql(ctx: Context): Sql {
  const sql = sqlOn(ctx.client, guardOf(ctx), ctx.serial);
  return {
    ...sql,
    insert: (table, rows) =>
      ctx.queue(async () => {
        guardOf(ctx)();
        ctx.deferred.push(...insertStatements(table, rows));
        if (ctx.deferred.reduce((n, s) => n + s.params.length, 0) > MAX_DEFERRED_PARAMS) await sendDeferred(ctx);
      }),
  };
}

const guardOf = (ctx: Context) => () => {
  if (!ctx.active) throw new TransactionOver();
};

export function activePostgresContext(state: PostgresState): Context | undefined {
  const ctx = state.context.getStore();
  return ctx?.active ? ctx : undefined;
}

/** A connection lost or refused: the client leaves the pool (the server has rolled its transaction back). */
function isConnectionError(error: unknown): boolean {
  const e = error as { code?: string; message?: string } | null;
  return (
    ["ECONNREFUSED", "ECONNRESET", "EPIPE", "57P01", "57P02", "57P03", "08006", "08003", "08001"].includes(String(e?.code)) ||
    /Connection terminated|timeout exceeded when trying to connect/i.test(String(e?.message))
  );
}

/** Deadlock or serialization failure: the server rolled the whole transaction back, it may run again. */
const isRetryable = (error: unknown) => ["40P01", "40001"].includes(String((error as { code?: string } | null)?.code));

/** THE write boundary on PostgreSQL (see writeTransaction in lib/db.ts). */
export async function postgresWriteTransaction<T>(state: PostgresState, work: (sql: Sql) => Promise<T> | T): Promise<T> {
  const outer = activePostgresContext(state);
  if (outer) return nestedPostgres(outer, work);
  for (let attempt = 1; ; attempt++) {
    try {
      return await transactionOnce(state, work);
    } catch (error) {
      if (attempt >= 3 || !isRetryable(error)) throw error;
    }
  }
}

async function transactionOnce<T>(state: PostgresState, work: (sql: Sql) => Promise<T> | T): Promise<T> {
  const client = await state.pool.connect();
  let broken: Error | undefined;
  // A checked-out connection that dies emits 'error': without a listener it would end the process; the next statement fails instead.
  const onError = (error: Error) => (broken = error);
  client.on("error", onError);
  const queue = newSerial();
  const ctx = { active: true, client, savepoints: 0, queue, deferred: [] as Statement[] } as Context;
  ctx.serial = (statement) => queue(async () => (await sendDeferred(ctx), statement()));
  try {
    ctx.adapter = new (await adapterClass(state))(client);
    ctx.sql = transactionSql(ctx);
    await client.query("BEGIN");
    let value: T;
    try {
      value = await state.context.run(ctx, () => work(ctx.sql));
    } finally {
      ctx.active = false;
    }
    await ctx.serial(() => client.query("COMMIT"));
    return value;
  } catch (error) {
    if (isConnectionError(error)) broken = error as Error;
    else await client.query("ROLLBACK").catch((e: Error) => (broken = e));
    throw error;
  } finally {
    // A broken connection leaves the pool (and takes its unfinished transaction with it).
    client.removeListener("error", onError);
    client.release(broken ?? false);
  }
}

async function nestedPostgres<T>(ctx: Context, work: (sql: Sql) => Promise<T> | T): Promise<T> {
  const name = `nested_${++ctx.savepoints}`;
  guardOf(ctx)();
  await ctx.serial(() => ctx.client.query(`SAVEPOINT ${name}`));
  try {
    const value = await work(ctx.sql);
    guardOf(ctx)();
    await ctx.serial(() => ctx.client.query(`RELEASE SAVEPOINT ${name}`));
    return value;
  } catch (error) {
    if (ctx.active) await rollbackTo(ctx, name).catch(() => {});
    throw error;
  }
}

/** One statement that is a whole write by itself: auto-committed on the pool, or part of the current transaction. */
export function postgresWriteStatement<T>(state: PostgresState, text: string, params: SqlValue[]): Promise<T | undefined> {
  return (activePostgresContext(state)?.sql ?? sqlOn(state.pool)).get<T>(text, ...params);
}

/** Undoes a savepoint: the inserts still deferred were made after it (its SAVEPOINT sent those before), so they are dropped. */
function rollbackTo(ctx: Context, name: string): Promise<unknown> {
  return ctx.queue(() => {
    ctx.deferred.length = 0;
    return ctx.client.query(`ROLLBACK TO SAVEPOINT ${name}; RELEASE SAVEPOINT ${name}`);
  });
}

/** Plain SQL reads: the current transaction's view inside one, else committed data on the pool. */
export function postgresReadSql(state: PostgresState): Sql {
  return activePostgresContext(state)?.sql ?? sqlOn(state.pool);
}

async function adapterClass(state: PostgresState): Promise<AdapterClass> {
  if (!state.adapterClass) {
    const probe = await new PrismaPg(state.pool).connect();
    state.adapterClass = probe.constructor as AdapterClass;
  }
  return state.adapterClass;
}

const isRead = (sql: string) => /^\s*(SELECT|WITH)\b/i.test(sql);

/** Prisma's driver adapter on the pool: a `$transaction` inside writeTransaction becomes a savepoint of it. */
export class PostgresAdapterFactory {
  readonly provider = "postgres" as const;
  readonly adapterName = "@prisma/adapter-pg";

  constructor(private readonly state: PostgresState) {}

  async connect(): Promise<Adapter> {
    const state = this.state;
    const base = await new PrismaPg(state.pool).connect();
    state.adapterClass ??= base.constructor as AdapterClass;
    const writing = <T>(query: Query, run: () => Promise<T>): Promise<T> =>
      !isRead(query.sql) && activePostgresContext(state) ? Promise.reject(new MisplacedWrite()) : run();
    const adapter = {
      provider: base.provider,
      adapterName: base.adapterName,
      queryRaw: (query: Query) => writing(query, () => base.queryRaw(query)),
      executeRaw: (query: Query) => writing(query, () => base.executeRaw(query)),
      executeScript: (script: string) => base.executeScript(script),
      getConnectionInfo: () => base.getConnectionInfo?.(),
      async startTransaction(isolationLevel?: Parameters<Adapter["startTransaction"]>[0]): Promise<Transaction> {
        const ctx = activePostgresContext(state);
        return ctx ? savepointTransaction(ctx) : base.startTransaction(isolationLevel);
      },
      // The pool belongs to the process's storage, not to one client.
      dispose: async () => {},
    };
    return adapter as unknown as Adapter;
  }
}

async function savepointTransaction(ctx: Context): Promise<Transaction> {
  const name = `prisma_${++ctx.savepoints}`;
  const guard = guardOf(ctx);
  guard();
  await ctx.serial(() => ctx.client.query(`SAVEPOINT ${name}`));
  const transaction = {
    provider: "postgres",
    adapterName: ctx.adapter.adapterName,
    // Prisma calls commit() and rollback() and sends no SQL of its own for them.
    options: { usePhantomQuery: true },
    queryRaw: (query: Query) => ctx.serial(async () => (guard(), ctx.adapter.queryRaw(query))),
    executeRaw: (query: Query) => ctx.serial(async () => (guard(), ctx.adapter.executeRaw(query))),
    commit: () =>
      ctx.serial(async () => {
        guard();
        await ctx.client.query(`RELEASE SAVEPOINT ${name}`);
      }),
    rollback: async () => {
      if (ctx.active) await rollbackTo(ctx, name);
    },
  };
  return transaction as unknown as Transaction;
}

/** Unique violation (SQLSTATE 23505) naming `column` in its constraint or detail. */
export function isPostgresUniqueViolation(error: unknown, column: string): boolean {
  const e = error as { code?: string; message?: string; constraint?: string; detail?: string } | null;
  return e?.code === "23505" && [e.message, e.constraint, e.detail].some((text) => String(text ?? "").includes(column));
}
