import { describe, expect, it } from "vitest";
import fs from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import { prismaCli, useFreshDatabase } from "../test-db";

type Sqlite = InstanceType<typeof Database>;

/** Tables, columns, keys and indexes as SQLite reports them, in a stable order. */
function describeSchema(db: Sqlite) {
  const tables = db
    .prepare(`SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name <> '_prisma_migrations' ORDER BY name`)
    .pluck()
    .all() as string[];
  return tables.map((table) => ({
    table,
    columns: db.pragma(`table_xinfo("${table}")`),
    foreignKeys: db.pragma(`foreign_key_list("${table}")`),
    indexes: (db.pragma(`index_list("${table}")`) as { name: string; unique: number; origin: string; partial: number }[])
      .map((index) => ({ ...index, seq: undefined, columns: db.pragma(`index_xinfo("${index.name}")`) }))
      .sort((a, b) => a.name.localeCompare(b.name)),
  }));
}

describe("migrations", () => {
  const { url, file } = useFreshDatabase();

  // Compares SQLite's own description of both databases rather than running
  // `prisma db push`: that second pass through the schema engine once hung
  // for a minute on CI, where nothing else did.
  it("apply to an empty database and produce exactly prisma/schema.prisma", () => {
    const fromSchema = prismaCli(url, ["migrate", "diff", "--from-empty", "--to-schema-datamodel", "prisma/schema.prisma", "--script"]);
    const expected = new Database(path.join(path.dirname(file), "from-schema.db"));
    expected.exec(fromSchema);
    const migrated = new Database(file, { readonly: true });
    try {
      expect(describeSchema(expected).length).toBeGreaterThan(10);
      expect(describeSchema(migrated)).toEqual(describeSchema(expected));
    } finally {
      migrated.close();
      expected.close();
    }
  }, 150_000);

  it("keep the snapshot that the next migration is diffed against equal to the schema", () => {
    const snapshot = fs.readFileSync("prisma/migrations/schema-at-last-migration.prisma.txt", "utf8");
    expect(snapshot).toBe(fs.readFileSync("prisma/schema.prisma", "utf8"));
  });

  it("make the consent ledger append-only", () => {
    const sqlite = new Database(file);
    sqlite.pragma("foreign_keys = OFF");
    sqlite
      .prepare(
        `INSERT INTO "ConsentRecord" (id, organisationId, contactId, purposeId, purposeVersionId, wording, wordingHash, action, method) VALUES ('r1','o','c','p','v','w','h','GRANT','CHECKBOX')`,
      )
      .run();
    expect(() => sqlite.prepare(`UPDATE "ConsentRecord" SET action = 'WITHDRAW' WHERE id = 'r1'`).run()).toThrow(/append-only/);
    expect(() => sqlite.prepare(`DELETE FROM "ConsentRecord" WHERE id = 'r1'`).run()).toThrow(/append-only/);
    sqlite.close();
  });
});
