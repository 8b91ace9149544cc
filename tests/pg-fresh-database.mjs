// Creates one fresh, migrated PostgreSQL database for a test file (run by tests/test-db.ts):
// every migration is applied once per run into a template database, under an advisory
// lock so that parallel test workers build it once; each file's database is a copy of it.
import pg from "pg";
import { migratePostgres } from "../scripts/migrate.mjs";

const { ADMIN_URL, NAME, TEMPLATE } = process.env;
const BUILD_TEMPLATE_LOCK = "7301284118000002";
const admin = new pg.Client({ connectionString: ADMIN_URL });
await admin.connect();
try {
  await admin.query("SELECT pg_advisory_lock($1)", [BUILD_TEMPLATE_LOCK]);
  const { rowCount } = await admin.query("SELECT 1 FROM pg_database WHERE datname = $1", [TEMPLATE]);
  if (!rowCount) {
    const building = `${TEMPLATE}_building`;
    await admin.query(`DROP DATABASE IF EXISTS "${building}"`);
    await admin.query(`CREATE DATABASE "${building}"`);
    const url = new URL(ADMIN_URL);
    url.pathname = `/${building}`;
    await migratePostgres(url.toString(), { log: () => {} });
    await admin.query(`ALTER DATABASE "${building}" RENAME TO "${TEMPLATE}"`);
  }
  await admin.query("SELECT pg_advisory_unlock($1)", [BUILD_TEMPLATE_LOCK]);
  await admin.query(`CREATE DATABASE "${NAME}" TEMPLATE "${TEMPLATE}"`);
} finally {
  await admin.end();
}
