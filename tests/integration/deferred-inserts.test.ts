import pg from "pg";
import { describe, expect, it } from "vitest";
import { onPostgres, useFreshDatabase } from "../test-db";

useFreshDatabase();

const organisation = (id: string, name = id) => ({ id, name, salt: "s", createdAt: new Date(), updatedAt: new Date() });

async function organisationIds(prefix: string): Promise<string[]> {
  const { db } = await import("@/lib/db");
  return (await db.organisation.findMany({ where: { id: { startsWith: prefix } }, select: { id: true } })).map((o) => o.id).sort();
}

/** The statements PostgreSQL receives while `work` runs (every pooled client's query calls). */
async function statementsSentDuring(work: () => Promise<unknown>): Promise<string[]> {
  const sent: string[] = [];
  const query = pg.Client.prototype.query;
  pg.Client.prototype.query = function (this: pg.Client, ...args: unknown[]) {
    const first = args[0] as string | { text?: string };
    sent.push(typeof first === "string" ? first : String(first?.text));
    return (query as (...a: unknown[]) => unknown).apply(this, args);
  } as typeof query;
  try {
    await work();
  } finally {
    pg.Client.prototype.query = query;
  }
  return sent;
}

// On PostgreSQL a transaction's inserts wait and go out chained in one statement; the outcomes must be those of
// inserts sent one by one. The same tests run on SQLite, where each insert runs at once.
describe("inserts inside writeTransaction", () => {
  it("are seen by the transaction's next read", async () => {
    const { writeTransaction } = await import("@/lib/db");
    const count = await writeTransaction(async (sql) => {
      await sql.insert("Organisation", [organisation("seen-a")]);
      await sql.insert("Organisation", [organisation("seen-b"), organisation("seen-c")]);
      return (await sql.get<{ n: number }>(`SELECT COUNT(*) AS "n" FROM "Organisation" WHERE "id" LIKE 'seen-%'`))!.n;
    });
    expect(count).toBe(3);
  });

  it("a duplicate among them fails the whole transaction, statements sent before it included", async () => {
    const { writeTransaction } = await import("@/lib/db");
    await writeTransaction((sql) => sql.insert("Organisation", [organisation("dup-1")]));
    const failing = writeTransaction(async (sql) => {
      await sql.run(`UPDATE "Organisation" SET "name" = 'changed' WHERE "id" = ?`, "dup-1");
      await sql.insert("Organisation", [organisation("dup-2")]);
      await sql.insert("Organisation", [organisation("dup-1", "again")]);
      return "committed";
    });
    await expect(failing).rejects.toMatchObject({ code: onPostgres ? "23505" : "SQLITE_CONSTRAINT_PRIMARYKEY" });
    expect(await organisationIds("dup-")).toEqual(["dup-1"]);
    const { db } = await import("@/lib/db");
    expect((await db.organisation.findUniqueOrThrow({ where: { id: "dup-1" } })).name).toBe("dup-1");
  });

  it("a parent and its children may be inserted together (foreign keys hold at the end of the statement)", async () => {
    const { db, writeTransaction } = await import("@/lib/db");
    await writeTransaction(async (sql) => {
      await sql.insert("Organisation", [organisation("parent-1")]);
      await sql.insert("AuditLog", [{ id: "log-1", organisationId: "parent-1", action: "test", details: "{}", createdAt: new Date() }]);
    });
    expect(await db.auditLog.count({ where: { organisationId: "parent-1" } })).toBe(1);
    const orphan = writeTransaction((sql) => sql.insert("AuditLog", [{ id: "log-2", organisationId: "no-such-organisation", action: "test", details: "{}", createdAt: new Date() }]));
    await expect(orphan).rejects.toMatchObject({ code: onPostgres ? "23503" : "SQLITE_CONSTRAINT_FOREIGNKEY" });
  });

  it("a nested transaction that fails takes back only its own inserts", async () => {
    const { writeTransaction } = await import("@/lib/db");
    await writeTransaction(async (sql) => {
      await sql.insert("Organisation", [organisation("nest-outer-1")]);
      await expect(
        writeTransaction(async (inner) => {
          await inner.insert("Organisation", [organisation("nest-inner-thrown")]);
          throw new Error("refused after writing");
        }),
      ).rejects.toThrow("refused after writing");
      await expect(writeTransaction((inner) => inner.insert("Organisation", [organisation("nest-outer-1", "duplicate")]))).rejects.toMatchObject({
        code: onPostgres ? "23505" : "SQLITE_CONSTRAINT_PRIMARYKEY",
      });
      await writeTransaction((inner) => inner.insert("Organisation", [organisation("nest-inner-kept")]));
      await sql.insert("Organisation", [organisation("nest-outer-2")]);
    });
    expect(await organisationIds("nest-")).toEqual(["nest-inner-kept", "nest-outer-1", "nest-outer-2"]);
  });

  it("many rows at once stay within PostgreSQL's parameter limit", async () => {
    const { db, writeTransaction } = await import("@/lib/db");
    const rows = Array.from({ length: 12_000 }, (_, i) => organisation(`bulk-${String(i).padStart(5, "0")}`));
    await writeTransaction(async (sql) => {
      for (let i = 0; i < rows.length; i += 1000) await sql.insert("Organisation", rows.slice(i, i + 1000));
    });
    expect(await db.organisation.count({ where: { id: { startsWith: "bulk-" } } })).toBe(12_000);
  }, 60_000);
});

describe.skipIf(!onPostgres)("round trips to PostgreSQL", () => {
  it("an entry costs five statements: the form's head, BEGIN, the contact, every other row chained, COMMIT", async () => {
    const { owner, publishedContest } = await import("./entry-fixtures");
    const { submitResponse } = await import("@/lib/submission/submit");
    const { db } = await import("@/lib/db");
    const campaign = await publishedContest(await owner("round-trips@example.test", "Round trips"), "Allers-retours", "Recevoir nos offres");
    const entry = (email: string) => ({
      answers: {
        [campaign.byType("FIRST_NAME").id]: "Jeanne",
        [campaign.byType("EMAIL").id]: email,
        [campaign.byType("SINGLE_CHOICE").id]: campaign.byType("SINGLE_CHOICE").options[0]!.id,
      },
      consents: { [campaign.purposeId]: true },
      rulesAccepted: true,
      context: { utmSource: "qr" },
    });
    // The first entry reads the whole campaign into the process's cache; the next ones are the steady state.
    await submitResponse({ slug: campaign.slug, data: entry("first@example.test") }, { fillMs: 5000 });
    let result!: Awaited<ReturnType<typeof submitResponse>>;
    const sent = await statementsSentDuring(async () => {
      result = await submitResponse({ slug: campaign.slug, data: entry("second@example.test") }, { fillMs: 5000 });
    });
    expect(result.status).toBe("ACCEPTED");
    expect(sent).toHaveLength(5);
    expect(sent[1]).toBe("BEGIN");
    expect(sent[3]).toMatch(/^WITH i0 AS \(INSERT INTO "Response"/);
    expect(sent[4]).toBe("COMMIT");
    // Every row of the entry is there.
    const response = await db.response.findUniqueOrThrow({ where: { id: result.responseId }, include: { answers: true } });
    expect(response.answers).toHaveLength(3);
    expect(await db.consentRecord.count({ where: { responseId: result.responseId } })).toBe(1);
    expect(await db.optInToken.count({ where: { responseId: result.responseId } })).toBe(1);
    expect(await db.outboxMail.count({ where: { toAddress: "second@example.test", kind: "optin.confirmation" } })).toBe(1);
  }, 60_000);

  it("a shared rate-limit hit is one statement, without BEGIN and COMMIT", async () => {
    const { RateLimiter } = await import("@/lib/rate-limit");
    const limiter = new RateLimiter(2, 60_000, "round-trips");
    const sent = await statementsSentDuring(async () => {
      expect(await limiter.hit("203.0.113.1")).toBe(true);
    });
    expect(sent).toHaveLength(1);
    expect(sent[0]).toMatch(/^INSERT INTO "RateLimit"/);
  });

  it("sends each statement text as a named prepared statement: parsed and planned once per connection", async () => {
    const { writeTransaction } = await import("@/lib/db");
    const prepared = await writeTransaction(async (sql) => {
      for (let i = 0; i < 3; i++) await sql.get(`SELECT COUNT(*) AS "n" FROM "Organisation" WHERE "id" LIKE ?`, `prepared-${i}%`);
      return sql.all<{ name: string; statement: string }>(`SELECT "name", "statement" FROM pg_prepared_statements`);
    });
    const counts = prepared.filter((p) => p.statement.includes(`FROM "Organisation" WHERE "id" LIKE $1`));
    expect(counts).toHaveLength(1);
    expect(counts[0]!.name).toMatch(/^aimant_[0-9a-f]{32}$/);
  });

  it("gives a text the same name in every copy of the storage module (Next bundles one per layer, on one pool)", async () => {
    const { vi } = await import("vitest");
    const first = await import("@/lib/storage/postgres");
    first.statementName("SELECT 1 AS one");
    vi.resetModules();
    const second = await import("@/lib/storage/postgres");
    expect(second).not.toBe(first);
    expect(second.statementName("SELECT 2 AS two")).toBe(first.statementName("SELECT 2 AS two"));
    expect(second.statementName("SELECT 2 AS two")).not.toBe(first.statementName("SELECT 1 AS one"));
  });
});
