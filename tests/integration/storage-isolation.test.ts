import { spawn } from "node:child_process";
import { describe, expect, it } from "vitest";
import { onPostgres, useFreshDatabase } from "../test-db";

// Before lib/db is imported: the production build keeps one client per process too (Next bundles lib/db once per layer).
(process.env as Record<string, string>).NODE_ENV = "production";
const { file } = useFreshDatabase();

const organisation = (id: string, name = id) => ({ id, name, salt: "s" });
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** A Prisma transaction that writes, tells the test it is open, waits `holdMs`, then fails (rolls back). */
async function openTransaction(holdMs: number, write: (tx: import("@/lib/db").Tx) => Promise<unknown>) {
  const { db } = await import("@/lib/db");
  let opened!: () => void;
  const open = new Promise<void>((resolve) => (opened = resolve));
  const done = db
    .$transaction(
      async (tx) => {
        await write(tx);
        opened();
        await sleep(holdMs);
        throw new Error("rolled back on purpose");
      },
      { timeout: 20_000 },
    )
    .catch((error: unknown) => error);
  await open;
  return done;
}

describe("one data path", () => {
  it("a plain Prisma write issued while another request's transaction is open is not rolled back with it", async () => {
    const { db } = await import("@/lib/db");
    const done = openTransaction(60, (tx) => tx.organisation.create({ data: organisation("lost-a") }));
    await sleep(0);
    await db.organisation.create({ data: organisation("kept-b") });
    await db.organisation.update({ where: { id: "kept-b" }, data: { name: "kept-b2" } }).catch(() => undefined);
    await done;
    expect(await db.organisation.findUnique({ where: { id: "lost-a" } })).toBeNull();
    expect((await db.organisation.findUnique({ where: { id: "kept-b" } }))?.name).toBe("kept-b2");
  });

  it("reads outside a transaction, through Prisma and readSql, never see uncommitted rows", async () => {
    const { db, readSql } = await import("@/lib/db");
    const done = openTransaction(60, (tx) => tx.organisation.create({ data: organisation("dirty") }));
    expect(await db.organisation.findUnique({ where: { id: "dirty" } })).toBeNull();
    expect(await db.organisation.count({ where: { id: "dirty" } })).toBe(0);
    expect(await readSql((sql) => sql.get(`SELECT "id" FROM "Organisation" WHERE "id" = ?`, "dirty"))).toBeUndefined();
    await done;
  });

  it("a transaction waits for the writer instead of failing with P2028 when another holds it for 3 s", async () => {
    const { db } = await import("@/lib/db");
    const first = db.$transaction(
      async (tx) => {
        await tx.organisation.create({ data: organisation("slow") });
        await sleep(3000);
      },
      { timeout: 20_000 },
    );
    await sleep(50);
    const second = db.$transaction(async (tx) => tx.organisation.create({ data: organisation("patient") }));
    await expect(Promise.all([first, second])).resolves.toBeDefined();
    expect(await db.organisation.count({ where: { id: { in: ["slow", "patient"] } } })).toBe(2);
  });

  it("work after an await inside writeTransaction stays in the transaction: a failure keeps none of it", async () => {
    const { db, writeTransaction } = await import("@/lib/db");
    await expect(
      writeTransaction(async (sql) => {
        await sql.insert("Organisation", [{ ...organisation("await-a"), createdAt: new Date(), updatedAt: new Date() }]);
        await sleep(10);
        await sql.insert("Organisation", [{ ...organisation("await-b"), createdAt: new Date(), updatedAt: new Date() }]);
        throw new Error("failed after both");
      }),
    ).rejects.toThrow("failed after both");
    expect(await db.organisation.count({ where: { id: { in: ["await-a", "await-b"] } } })).toBe(0);
  });

  it.skipIf(onPostgres)("when SQLite rolls the whole group back, each caller gets its own true outcome", async () => {
    const { db, writeTransaction } = await import("@/lib/db");
    // RAISE(ROLLBACK) ends the whole transaction, as disk full or an I/O error would.
    await db.$executeRawUnsafe(
      `CREATE TRIGGER "test_rollback" BEFORE INSERT ON "Organisation" WHEN NEW."name" = 'boom' BEGIN SELECT RAISE(ROLLBACK, 'boom'); END`,
    );
    const row = (id: string, name = id) => ({ ...organisation(id, name), createdAt: new Date(), updatedAt: new Date() });
    const results = await Promise.allSettled([
      writeTransaction(async (sql) => (await sql.insert("Organisation", [row("group-a")]), "a")),
      writeTransaction(async (sql) => (await sql.insert("Organisation", [row("group-b", "boom")]), "b")),
      writeTransaction(async (sql) => (await sql.insert("Organisation", [row("group-c")]), "c")),
    ]);
    await db.$executeRawUnsafe(`DROP TRIGGER "test_rollback"`);
    expect(results.map((r) => r.status)).toEqual(["fulfilled", "rejected", "fulfilled"]);
    expect(String((results[1] as PromiseRejectedResult).reason)).toContain("boom");
    const ids = (await db.organisation.findMany({ where: { id: { startsWith: "group-" } }, select: { id: true } })).map((o) => o.id);
    expect(ids.sort()).toEqual(["group-a", "group-c"]);
  });

  it.skipIf(onPostgres)("another process holding the write lock does not stall the event loop; the write waits for it", async () => {
    const { db, writeTransaction } = await import("@/lib/db");
    await db.organisation.count();
    const holder = spawn(
      process.execPath,
      [
        "-e",
        `const D = require("better-sqlite3"); const d = new D(${JSON.stringify(file)}); d.exec("BEGIN IMMEDIATE");
         d.prepare('INSERT INTO "Organisation" ("id","name","salt","createdAt","updatedAt") VALUES (?,?,?,?,?)').run("other-process","x","s","2026-01-01T00:00:00.000+00:00","2026-01-01T00:00:00.000+00:00");
         process.stdout.write("locked\\n"); Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 2000); d.exec("COMMIT"); d.close();`,
      ],
      { stdio: ["ignore", "pipe", "inherit"] },
    );
    const exited = new Promise<number | null>((resolve) => holder.once("exit", resolve));
    await Promise.race([
      new Promise<void>((resolve) => holder.stdout!.once("data", () => resolve())),
      exited.then((code) => Promise.reject(new Error(`the lock holder exited first (${code})`))),
    ]);
    let last = Date.now();
    let worstGap = 0;
    const ticker = setInterval(() => {
      worstGap = Math.max(worstGap, Date.now() - last);
      last = Date.now();
    }, 5);
    const started = Date.now();
    const read = db.organisation.count().then(() => Date.now() - started);
    const write = writeTransaction(async (sql) =>
      sql.insert("Organisation", [{ ...organisation("during-lock"), createdAt: new Date(), updatedAt: new Date() }]),
    ).then(() => Date.now() - started);
    const [readMs, writeMs] = await Promise.all([read, write]);
    clearInterval(ticker);
    expect(await exited).toBe(0);
    // Held 2 s: a synchronous busy wait would freeze the loop that long (margins for a loaded 2-core machine).
    expect(readMs).toBeLessThan(800);
    expect(writeMs).toBeGreaterThan(1200);
    expect(worstGap).toBeLessThan(800);
    expect(await db.organisation.count({ where: { id: { in: ["other-process", "during-lock"] } } })).toBe(2);
  });

  it("one process has one client and one writer, however many times Next bundles lib/db", async () => {
    const first = await import("@/lib/db");
    const { vi } = await import("vitest");
    vi.resetModules();
    const second = await import("@/lib/db");
    expect(second).not.toBe(first);
    expect(second.db).toBe(first.db);
  });
});
