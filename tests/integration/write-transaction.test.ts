import { describe, expect, it } from "vitest";
import { onPostgres, useFreshDatabase } from "../test-db";

useFreshDatabase();

const organisation = (id: string, name = id) => ({ id, name, salt: "s", createdAt: new Date(), updatedAt: new Date() });

describe("writeTransaction", () => {
  it.skipIf(onPostgres)("commits the writes of one turn together, each in its own savepoint: one failing leaves the others alone", async () => {
    const { db, writeTransaction } = await import("@/lib/db");
    const order: string[] = [];
    const results = await Promise.allSettled([
      writeTransaction(async (sql) => {
        order.push("a");
        await sql.insert("Organisation", [organisation("org-a")]);
        return "a";
      }),
      writeTransaction(async (sql) => {
        order.push("b");
        await sql.insert("Organisation", [organisation("org-b")]);
        await sql.insert("Organisation", [organisation("org-a", "duplicate")]);
        return "b";
      }),
      writeTransaction(async (sql) => {
        order.push("c");
        await sql.insert("Organisation", [organisation("org-c")]);
        throw new Error("refused after writing");
      }),
      writeTransaction(async (sql) => {
        order.push("d");
        await sql.insert("Organisation", [organisation("org-d"), organisation("org-e")]);
        return (await sql.get<{ n: number }>(`SELECT COUNT(*) AS "n" FROM "Organisation" WHERE "id" LIKE 'org-%'`))!.n;
      }),
    ]);
    expect(order).toEqual(["a", "b", "c", "d"]);
    expect(results.map((r) => r.status)).toEqual(["fulfilled", "rejected", "rejected", "fulfilled"]);
    expect((results[1] as PromiseRejectedResult).reason.code).toBe("SQLITE_CONSTRAINT_PRIMARYKEY");
    expect((results[3] as PromiseFulfilledResult<number>).value).toBe(3);
    const ids = (await db.organisation.findMany({ where: { id: { startsWith: "org-" } }, select: { id: true, name: true, createdAt: true } })).map((o) => o.id);
    expect(ids.sort()).toEqual(["org-a", "org-d", "org-e"]);
  });

  it("stores dates and booleans as Prisma reads them", async () => {
    const { db, writeTransaction } = await import("@/lib/db");
    const at = new Date("2026-11-23T10:15:30.123Z");
    await writeTransaction((sql) => sql.insert("Organisation", [{ ...organisation("org-dates"), createdAt: at }]));
    expect((await db.organisation.findUniqueOrThrow({ where: { id: "org-dates" } })).createdAt.toISOString()).toBe(at.toISOString());
  });

  it("waits for a Prisma transaction in progress instead of writing into it", async () => {
    const { db, writeTransaction } = await import("@/lib/db");
    let sqlRan = false;
    let opened!: () => void;
    const open = new Promise<void>((resolve) => (opened = resolve));
    const prisma = db.$transaction(async (tx) => {
      await tx.organisation.create({ data: organisation("org-prisma") });
      opened();
      await new Promise((resolve) => setTimeout(resolve, 30));
      expect(sqlRan).toBe(false);
      throw new Error("rolled back");
    });
    // Another request's write (outside the transaction's context), while the transaction is open.
    await open;
    const pending = writeTransaction(async (sql) => {
      sqlRan = true;
      await sql.insert("Organisation", [organisation("org-after")]);
    });
    await prisma.catch((e: unknown) => e);
    await pending;
    expect(sqlRan).toBe(true);
    expect(await db.organisation.count({ where: { id: { in: ["org-prisma", "org-after"] } } })).toBe(1);
    expect(await db.organisation.findUnique({ where: { id: "org-after" } })).not.toBeNull();
  });

  it("opens the connection again after a disconnect", async () => {
    const { db, writeTransaction, readSql } = await import("@/lib/db");
    await db.$disconnect();
    await writeTransaction((sql) => sql.insert("Organisation", [organisation("org-reconnected")]));
    expect(await readSql((sql) => sql.get<{ name: string }>(`SELECT "name" FROM "Organisation" WHERE "id" = ?`, "org-reconnected"))).toEqual({ name: "org-reconnected" });
    expect(await db.organisation.count({ where: { id: "org-reconnected" } })).toBe(1);
  });

  it("makes time-ordered ids", async () => {
    const { newId } = await import("@/lib/db");
    const ids = Array.from({ length: 1000 }, () => newId());
    expect(new Set(ids).size).toBe(1000);
    expect([...ids].sort()).toEqual(ids);
  });
});
