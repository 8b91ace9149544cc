import { describe, expect, it } from "vitest";
import Database from "better-sqlite3";
import { prismaCli, useFreshDatabase } from "../test-db";

describe("migrations", () => {
  const { url, file } = useFreshDatabase();

  it("apply to an empty database and produce exactly prisma/schema.prisma", () => {
    const out = prismaCli(url, ["db", "push", "--skip-generate"]);
    expect(out).toMatch(/already in sync/);
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
