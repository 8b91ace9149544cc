import net from "node:net";
import { afterAll, describe, expect, it } from "vitest";
import { onPostgres, useFreshDatabase } from "../test-db";

/**
 * A TCP relay between the app and PostgreSQL that the test can cut (every
 * connection dropped, new ones refused) and restore: a database lost during load.
 */
function relay(target: URL) {
  const sockets = new Set<net.Socket>();
  let server: net.Server | undefined;
  let port = 0;
  const open = () =>
    new Promise<void>((resolve) => {
      server = net.createServer((client) => {
        const upstream = net.connect(Number(target.port), target.hostname);
        for (const s of [client, upstream]) {
          sockets.add(s);
          s.on("close", () => sockets.delete(s));
          s.on("error", () => {});
        }
        client.pipe(upstream).pipe(client);
      });
      server.listen(port, "127.0.0.1", () => {
        port = (server!.address() as net.AddressInfo).port;
        resolve();
      });
    });
  const cut = () =>
    new Promise<void>((resolve) => {
      for (const s of sockets) s.destroy();
      server!.close(() => resolve());
    });
  return { open, cut, url: () => Object.assign(new URL(target), { port: String(port) }).toString() };
}

const { url } = useFreshDatabase();
const link = relay(new URL(url));

describe.skipIf(!onPostgres)("a lost PostgreSQL connection", () => {
  afterAll(async () => {
    const { closeStorage } = await import("@/lib/db");
    await closeStorage();
  });

  it("answers 503 while the database is gone, succeeds again when it returns, and leaves nothing half-written", async () => {
    await link.open();
    process.env.DATABASE_URL = link.url();
    const { db, writeTransaction, newId } = await import("@/lib/db");
    const { apiRoute } = await import("@/lib/api");
    const count = apiRoute(async () => Response.json({ organisations: await db.organisation.count() }));
    expect((await count()).status).toBe(200);

    // A transaction that has written one row when the connection goes.
    let resume!: () => void;
    const paused = new Promise<void>((resolve) => (resume = resolve));
    let wrote!: () => void;
    const written = new Promise<void>((resolve) => (wrote = resolve));
    const halfway = writeTransaction(async (sql) => {
      await sql.insert("Organisation", [{ id: newId(), name: "first half", salt: "s", updatedAt: new Date() }]);
      wrote();
      await paused;
      await sql.insert("Organisation", [{ id: newId(), name: "second half", salt: "s", updatedAt: new Date() }]);
    });
    await written;
    await link.cut();
    resume();
    await expect(halfway).rejects.toThrow();

    const whileGone = await count();
    expect(whileGone.status).toBe(503);
    expect(whileGone.headers.get("retry-after")).toBe("5");

    await link.open();
    const back = await count();
    expect(back.status).toBe(200);
    expect(await back.json()).toEqual({ organisations: 0 });
    await writeTransaction((sql) => sql.insert("Organisation", [{ id: newId(), name: "after", salt: "s", updatedAt: new Date() }]));
    expect(await db.organisation.count()).toBe(1);
  }, 60_000);
});
