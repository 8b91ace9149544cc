import { describe, expect, it } from "vitest";
import fs from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import { onPostgres, prismaCli, useFreshDatabase } from "../test-db";

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

describe.skipIf(onPostgres)("migrations (SQLite)", () => {
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

  // Rows written before stored data held codes: the data migration names them by code.
  it("turn the French words stored in rows into codes", () => {
    const sqlite = new Database(file);
    sqlite.pragma("foreign_keys = OFF");
    const segments = ["Champions", "Loyaux", "Potentiellement loyaux", "Nouveaux", "Prometteurs", "À surveiller", "À risque", "En hibernation", "Perdus"];
    const insertResponse = sqlite.prepare(`INSERT INTO "Response" (id, campaignId, segment) VALUES (?, 'c', ?)`);
    segments.forEach((segment, i) => insertResponse.run(`r${i}`, segment));
    insertResponse.run("r9-none", null);
    const insertAudit = sqlite.prepare(`INSERT INTO "AuditLog" (id, organisationId, action, actorLabel) VALUES (?, 'o', 'x', ?)`);
    for (const label of ["système", "répondant", "parent", "alice@example.test", ""]) insertAudit.run(`a-${label}`, label);
    sqlite.exec(fs.readFileSync(path.join("prisma", "migrations", "20261201143000_stored_codes", "migration.sql"), "utf8"));
    const stored = sqlite.prepare(`SELECT segment FROM "Response" ORDER BY id`).pluck().all();
    expect(stored).toEqual(["CHAMPIONS", "LOYAL", "POTENTIAL_LOYALISTS", "NEW", "PROMISING", "NEEDS_ATTENTION", "AT_RISK", "HIBERNATING", "LOST", null]);
    const actors = sqlite.prepare(`SELECT actorLabel FROM "AuditLog" ORDER BY id`).pluck().all();
    expect(actors).toEqual(["", "alice@example.test", "PARENT", "RESPONDENT", "SYSTEM"]);
    sqlite.close();
  });

  // Birth dates were date questions with a tick: the data migration gives them their own type.
  it("turn date questions ticked as the birth date into birth-date questions", () => {
    const sqlite = new Database(file);
    sqlite.pragma("foreign_keys = OFF");
    const insert = sqlite.prepare(`INSERT INTO "Question" (id, campaignId, sectionId, position, type, label, validation) VALUES (?, 'c', 's', 0, ?, 'q', ?)`);
    insert.run("q1-birth", "DATE", '{"birthDate":true}');
    insert.run("q2-birth-more", "DATE", '{"min":null,"birthDate":true}');
    insert.run("q3-date", "DATE", "{}");
    insert.run("q4-not-ticked", "DATE", '{"birthDate":false}');
    insert.run("q5-text", "SHORT_TEXT", "{}");
    sqlite.exec(fs.readFileSync(path.join("prisma", "migrations", "20261201163000_birth_date_question_type", "migration.sql"), "utf8"));
    const rows = sqlite.prepare(`SELECT id, type, validation FROM "Question" ORDER BY id`).all();
    expect(rows).toEqual([
      { id: "q1-birth", type: "BIRTH_DATE", validation: "{}" },
      { id: "q2-birth-more", type: "BIRTH_DATE", validation: '{"min":null,"birthDate":true}' },
      { id: "q3-date", type: "DATE", validation: "{}" },
      { id: "q4-not-ticked", type: "DATE", validation: '{"birthDate":false}' },
      { id: "q5-text", type: "SHORT_TEXT", validation: "{}" },
    ]);
    sqlite.close();
  });
});
