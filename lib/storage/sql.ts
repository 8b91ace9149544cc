import type BetterSqlite3 from "better-sqlite3";

/** What plain SQL takes: Prisma's own storage of dates (ISO, UTC) and booleans (0/1) on SQLite. */
export type SqlValue = string | number | bigint | boolean | Date | null | undefined;

/**
 * Plain SQL on the connection of the current transaction (or of committed
 * reads), for the hottest paths. Asynchronous like every driver but
 * better-sqlite3, so that PostgreSQL implements the same shape. Keep the SQL
 * portable (quoted identifiers, `?` parameters, INSERT … ON CONFLICT …
 * RETURNING) and await each statement (one statement at a time per transaction).
 */
export type Sql = {
  run(sql: string, ...params: SqlValue[]): Promise<number>;
  get<T>(sql: string, ...params: SqlValue[]): Promise<T | undefined>;
  all<T>(sql: string, ...params: SqlValue[]): Promise<T[]>;
  /** INSERT INTO "table" (the rows' keys) VALUES (…), …; undefined values take the column's default. */
  insert(table: string, rows: Record<string, SqlValue>[]): Promise<void>;
};

function toSql(value: SqlValue): string | number | bigint | null {
  if (value === undefined || value === null) return null;
  if (value instanceof Date) return value.toISOString().replace("Z", "+00:00");
  if (typeof value === "boolean") return value ? 1 : 0;
  return value;
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

/** Synchronous statements on one better-sqlite3 connection; `guard` runs first (it throws once the transaction is over). */
export function syncSqlOn(sqlite: BetterSqlite3.Database, guard: () => void = () => {}) {
  return {
    run: (sql: string, params: SqlValue[]) => (guard(), prepared(sqlite, sql).run(...params.map(toSql)).changes),
    get: (sql: string, params: SqlValue[]) => (guard(), prepared(sqlite, sql).get(...params.map(toSql))),
    all: (sql: string, params: SqlValue[]) => (guard(), prepared(sqlite, sql).all(...params.map(toSql))),
  };
}

/**
 * The async Sql over one better-sqlite3 connection. `wrap` runs each
 * statement (the read connection retries it while another process is busy).
 */
export function sqlOn(
  sqlite: BetterSqlite3.Database,
  guard: () => void = () => {},
  wrap: <T>(statement: () => T) => Promise<T> = async (statement) => statement(),
): Sql {
  const s = syncSqlOn(sqlite, guard);
  const sql: Sql = {
    run: (text, ...params) => wrap(() => s.run(text, params)),
    get: <T>(text: string, ...params: SqlValue[]) => wrap(() => s.get(text, params) as T | undefined),
    all: <T>(text: string, ...params: SqlValue[]) => wrap(() => s.all(text, params) as T[]),
    insert: (table, rows) =>
      wrap(() => {
        for (const { text, params } of insertStatements(table, rows)) s.run(text, params);
      }),
  };
  return sql;
}

/** Rows with the same columns go in one multi-row INSERT (100 at most), a statement being the unit of cost. */
export function insertStatements(table: string, rows: Record<string, SqlValue>[]): Array<{ text: string; params: SqlValue[] }> {
  const byShape = new Map<string, { columns: string[]; rows: Record<string, SqlValue>[] }>();
  for (const row of rows) {
    const columns = Object.keys(row).filter((column) => row[column] !== undefined);
    const shape = columns.join(",");
    const group = byShape.get(shape) ?? byShape.set(shape, { columns, rows: [] }).get(shape)!;
    group.rows.push(row);
  }
  const statements: Array<{ text: string; params: SqlValue[] }> = [];
  for (const [shape, { columns, rows: group }] of byShape) {
    for (let i = 0; i < group.length; i += 100) {
      const chunk = group.slice(i, i + 100);
      const params: SqlValue[] = [];
      for (const row of chunk) for (const c of columns) params.push(row[c]);
      statements.push({ text: insertText(table, shape, columns, chunk.length), params });
    }
  }
  return statements;
}

// The text of each INSERT shape, built once: the hot paths insert the same shapes on every request.
const insertTexts = new Map<string, string>();

function insertText(table: string, shape: string, columns: string[], count: number): string {
  const key = `${table}|${shape}|${count}`;
  let text = insertTexts.get(key);
  if (text === undefined) {
    const tuple = `(${columns.map(() => "?").join(", ")})`;
    text = `INSERT INTO "${table}" (${columns.map((c) => `"${c}"`).join(", ")}) VALUES ${Array.from({ length: count }, () => tuple).join(", ")}`;
    if (insertTexts.size > 500) insertTexts.clear();
    insertTexts.set(key, text);
  }
  return text;
}
