import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { onPostgres, useFreshDatabase } from "../test-db";

const { file } = useFreshDatabase();

const until = async (check: () => boolean | Promise<boolean>, ms: number) => {
  const deadline = Date.now() + ms;
  while (!(await check()) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
  return check();
};

describe.skipIf(onPostgres)("the WAL checkpoint (SQLite)", () => {
  it("is never run by a commit on the server's thread: a thread of its own copies committed pages back", async () => {
    const { db, newId, writeTransaction } = await import("@/lib/db");
    await db.organisation.create({ data: { id: "org-ckpt", name: "Checkpoint", salt: "s" } });
    // The writer's automatic checkpoint (inside COMMIT, synchronous, with fsync) is off once the thread runs.
    const setting = async () => Number(Object.values((await db.$queryRawUnsafe<Array<Record<string, unknown>>>("PRAGMA wal_autocheckpoint"))[0]!)[0]);
    expect(await until(async () => (await setting()) === 0, 5_000)).toBe(true);

    const before = fs.statSync(file).size;
    const details = "x".repeat(2000);
    await writeTransaction(async (sql) => {
      const rows = Array.from({ length: 1500 }, () => ({ id: newId(), organisationId: "org-ckpt", action: "bench.baseline", details, createdAt: new Date() }));
      await sql.insert("AuditLog", rows);
    });
    // About 3 MB committed to the WAL, then copied into the database file by the thread, without another write.
    expect(await until(() => fs.statSync(file).size > before + 2_000_000, 5_000)).toBe(true);
    expect(await db.auditLog.count({ where: { organisationId: "org-ckpt" } })).toBe(1500);
  });

  it("drains a long WAL on demand, so that the next transaction writes it again from the beginning", async () => {
    const Database = (await import("better-sqlite3")).default;
    const { startCheckpointer } = await import("@/lib/storage/checkpointer");
    const walFile = path.join(os.tmpdir(), `aimant-drain-${process.pid}.db`);
    const sqlite = new Database(walFile);
    try {
      sqlite.pragma("journal_mode = WAL");
      sqlite.pragma("wal_autocheckpoint = 0");
      sqlite.exec("CREATE TABLE t (v TEXT)");
      const checkpointer = await new Promise<ReturnType<typeof startCheckpointer>>((resolve) => {
        const c = startCheckpointer(walFile, () => resolve(c), () => {});
      });
      const frames = () => (sqlite.pragma("wal_checkpoint(PASSIVE)") as Array<{ log: number }>)[0]!.log;
      const insert = sqlite.prepare("INSERT INTO t (v) VALUES (?)");
      // About 5,000 frames, as under load: the thread copies them back, but a writer that is never idle keeps them in the WAL.
      sqlite.transaction(() => {
        for (let i = 0; i < 10_000; i++) insert.run("z".repeat(2000));
      })();
      checkpointer.committed();
      expect(await until(() => checkpointer.wantsDrain(), 5_000)).toBe(true);
      await checkpointer.drain();
      expect(checkpointer.wantsDrain()).toBe(false);
      insert.run("next");
      expect(frames()).toBeLessThan(10);
      checkpointer.close();
    } finally {
      sqlite.close();
      for (const f of [walFile, `${walFile}-wal`, `${walFile}-shm`]) fs.rmSync(f, { force: true });
    }
  });
});
