import { describe, expect, it } from "vitest";
import fs from "node:fs";
import path from "node:path";
import pg from "pg";
import { postgresSchemaText } from "../../scripts/postgres-schema.mjs";
import { migratePostgres } from "../../scripts/migrate.mjs";
import { foldForSearch } from "@/lib/text/fold";
import { freshPostgresDatabase, onPostgres, prismaCli, TEST_POSTGRES_URL } from "../test-db";

const SQLITE_DIR = path.join("prisma", "migrations");
const POSTGRES_DIR = path.join("prisma", "postgresql", "migrations");
const folders = (dir: string) =>
  fs
    .readdirSync(dir, { withFileTypes: true })
    .filter((e) => e.isDirectory())
    .map((e) => e.name)
    .sort();

describe("the PostgreSQL schema and migrations", () => {
  it("derive from the one hand-edited schema", () => {
    expect(fs.readFileSync("prisma/postgresql/schema.prisma", "utf8")).toBe(postgresSchemaText(fs.readFileSync("prisma/schema.prisma", "utf8")));
  });

  it("come in twins: every migration after PostgreSQL's baseline exists in both folders", () => {
    const postgres = folders(POSTGRES_DIR);
    const baseline = postgres[0]!;
    expect(baseline).toMatch(/_postgresql_baseline$/);
    const sqliteAfter = folders(SQLITE_DIR).filter((name) => name > baseline);
    expect(postgres.slice(1)).toEqual(sqliteAfter);
  });
});

/** Columns, constraints, indexes and triggers as PostgreSQL's catalog reports them, in a stable order. */
async function describeSchema(url: string) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const q = async (sql: string) => (await client.query(sql)).rows;
    return {
      columns: await q(`SELECT table_name, column_name, data_type, is_nullable, column_default, character_maximum_length, numeric_precision, datetime_precision
        FROM information_schema.columns WHERE table_schema = 'public' AND table_name <> '_prisma_migrations' ORDER BY table_name, column_name`),
      constraints: await q(`SELECT conrelid::regclass::text AS table_name, conname, pg_get_constraintdef(oid) AS def FROM pg_constraint
        WHERE connamespace = 'public'::regnamespace AND conrelid::regclass::text <> '_prisma_migrations' ORDER BY 1, 2`),
      indexes: await q(`SELECT tablename, indexname, indexdef FROM pg_indexes WHERE schemaname = 'public' AND tablename <> '_prisma_migrations' ORDER BY 1, 2`),
    };
  } finally {
    await client.end();
  }
}

describe.skipIf(!onPostgres)("PostgreSQL migrations (AIMANT_TEST_POSTGRES_URL)", () => {
  it("apply to an empty database and produce exactly prisma/postgresql/schema.prisma", async () => {
    const migrated = freshPostgresDatabase();
    const expected = freshPostgresDatabase();
    // An empty database: drop what the migrations made, then apply the schema's own DDL.
    const fromSchema = prismaCli(expected, ["migrate", "diff", "--from-empty", "--to-schema-datamodel", "prisma/postgresql/schema.prisma", "--script"]);
    const client = new pg.Client({ connectionString: expected });
    await client.connect();
    await client.query(`DROP SCHEMA public CASCADE; CREATE SCHEMA public;`);
    await client.query(fromSchema);
    await client.end();
    const [a, b] = [await describeSchema(migrated), await describeSchema(expected)];
    expect(a.columns.length).toBeGreaterThan(50);
    expect(a).toEqual(b);
  }, 150_000);

  it("are applied once when three instances start at once (advisory lock), and a failing one leaves nothing", async () => {
    const admin = new pg.Client({ connectionString: TEST_POSTGRES_URL });
    await admin.connect();
    const name = `aimant_test_lock_${process.pid}_${Date.now().toString(36)}`;
    await admin.query(`CREATE DATABASE "${name}"`);
    await admin.end();
    const url = Object.assign(new URL(TEST_POSTGRES_URL!), { pathname: `/${name}` }).toString();
    const quiet = { log: () => {} };
    const runs = await Promise.all([migratePostgres(url, quiet), migratePostgres(url, quiet), migratePostgres(url, quiet)]);
    expect(runs.flat().sort()).toEqual(folders(POSTGRES_DIR));
    expect(runs.filter((applied) => applied.length > 0)).toHaveLength(1);

    // A migration failing half-way: its first statement is not kept, nor is it recorded.
    const dir = fs.mkdtempSync(path.join(fs.realpathSync("/tmp"), "aimant-migrations-"));
    fs.mkdirSync(path.join(dir, "29990101000000_broken"));
    fs.writeFileSync(path.join(dir, "29990101000000_broken", "migration.sql"), `CREATE TABLE "HalfWay" ("id" TEXT); SELECT no_such_function();`);
    await expect(migratePostgres(url, { dir, ...quiet })).rejects.toThrow(/29990101000000_broken failed, nothing of it was applied/);
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    const { rows } = await client.query(`SELECT to_regclass('"HalfWay"') AS t, (SELECT count(*) FROM "_prisma_migrations" WHERE migration_name = '29990101000000_broken')::int AS recorded`);
    await client.end();
    expect(rows[0]).toEqual({ t: null, recorded: 0 });
  }, 120_000);

  it("make the consent ledger append-only, except for the erasure update", async () => {
    const client = new pg.Client({ connectionString: freshPostgresDatabase() });
    await client.connect();
    try {
      await client.query(`SET session_replication_role = replica`); // foreign keys off for this row
      await client.query(
        `INSERT INTO "ConsentRecord" (id, "organisationId", "contactId", "purposeId", "purposeVersionId", wording, "wordingHash", action, method) VALUES ('r1','o','c','p','v','w','h','GRANT','CHECKBOX')`,
      );
      await client.query(`SET session_replication_role = origin`);
      await expect(client.query(`UPDATE "ConsentRecord" SET action = 'WITHDRAW' WHERE id = 'r1'`)).rejects.toThrow(/append-only/);
      await expect(client.query(`DELETE FROM "ConsentRecord" WHERE id = 'r1'`)).rejects.toThrow(/append-only/);
      await client.query(`UPDATE "ConsentRecord" SET "userAgent" = '', "ipHash" = '', "pageUrl" = '', "subjectHash" = 'h1' WHERE id = 'r1'`);
    } finally {
      await client.end();
    }
  }, 60_000);

  it("fold text in SQL exactly as search folds the term in JS (e.g. Łódź)", async () => {
    const client = new pg.Client({ connectionString: TEST_POSTGRES_URL });
    await client.connect();
    const names = ["Łódź", "Élodie DUPRÉ", "Ørsted", "Đorđe", "Þór", "Æsir", "Cœur", "Straße", "ÇA", "jean-françois@exemple.fr", "Ångström", "Müller"];
    try {
      const url = freshPostgresDatabase();
      const db = new pg.Client({ connectionString: url });
      await db.connect();
      for (const name of names) {
        const { rows } = await db.query<{ folded: string }>("SELECT fold($1) AS folded", [name]);
        expect(rows[0]!.folded, name).toBe(foldForSearch(name));
      }
      await db.end();
    } finally {
      await client.end();
    }
  }, 60_000);
});
