// `npm run demo` on PostgreSQL (issue 12): the command itself (our migration runner, then the seed) on a fresh
// database migrates it and seeds the demo organisation and its campaigns (one run: it seeds hundreds of entries,
// and CI time counts).
import { execFile } from "node:child_process";
import { promisify } from "node:util";
import pg from "pg";
import { describe, expect, it } from "vitest";
import { onPostgres, TEST_POSTGRES_URL } from "../test-db";

const exec = promisify(execFile);

async function query<T extends pg.QueryResultRow>(url: string, sql: string): Promise<T[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<T>(sql)).rows;
  } finally {
    await client.end();
  }
}

describe.skipIf(!onPostgres)("npm run demo on PostgreSQL (AIMANT_TEST_POSTGRES_URL)", () => {
  it("migrates an empty database and seeds the demo", async () => {
    const name = `aimant_demo_${process.pid}_${Date.now().toString(36)}`;
    await query(TEST_POSTGRES_URL!, `CREATE DATABASE "${name}"`);
    const url = new URL(TEST_POSTGRES_URL!);
    url.pathname = `/${name}`;
    const env = { ...process.env, DATABASE_URL: url.toString(), AUTH_SECRET: "demo-command-test-secret-0123456789abcdef" };
    const { stdout } = await exec("npm", ["run", "--silent", "demo"], { env, timeout: 300_000 });
    expect(stdout).toMatch(/migration\(s\) applied/);
    expect(stdout).toContain("Demo ready at");
    expect(stdout).toContain("demo@aimant.local");
    const [seeded] = await query<{ users: string; campaigns: string; entries: string }>(
      url.toString(),
      `SELECT (SELECT COUNT(*) FROM "User") AS users, (SELECT COUNT(*) FROM "Campaign") AS campaigns, (SELECT COUNT(*) FROM "Response") AS entries`,
    );
    expect(Number(seeded!.users)).toBe(1);
    expect(Number(seeded!.campaigns)).toBeGreaterThan(0);
    expect(Number(seeded!.entries)).toBeGreaterThan(0);
    await query(TEST_POSTGRES_URL!, `DROP DATABASE "${name}" WITH (FORCE)`);
  }, 600_000);
});
