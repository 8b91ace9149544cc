#!/usr/bin/env node
// Creates twin migrations, prisma/migrations/<timestamp>_<name>/migration.sql
// (SQLite) and prisma/postgresql/migrations/<timestamp>_<name>/migration.sql,
// from the change between the schema at the last migration and
// prisma/schema.prisma (the PostgreSQL side diffs the schemas derived from
// both). `prisma migrate dev` needs a shadow database that our offline engine lacks.
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { POSTGRES_MIGRATIONS, POSTGRES_SCHEMA, postgresSchemaText, writePostgresSchema } from "./postgres-schema.mjs";

const name = (process.argv[2] ?? "").replace(/[^a-z0-9_]+/gi, "_").toLowerCase();
if (!name) {
  console.error("usage: npm run db:migration -- <name>");
  process.exit(2);
}
const snapshot = path.join("prisma", "migrations", "schema-at-last-migration.prisma.txt");
const previous = fs.readFileSync(snapshot, "utf8");

function diff(fromText, to) {
  const tmp = path.join("prisma", ".previous-schema.prisma");
  fs.writeFileSync(tmp, fromText);
  try {
    return execFileSync(process.execPath, ["scripts/prisma.mjs", "migrate", "diff", "--from-schema-datamodel", tmp, "--to-schema-datamodel", to, "--script"], { encoding: "utf8" });
  } finally {
    fs.rmSync(tmp);
  }
}

writePostgresSchema();
const sqlite = diff(previous, path.join("prisma", "schema.prisma"));
if (!sqlite.trim() || sqlite.includes("empty migration")) {
  console.log("The schema has not changed since the last migration: nothing to do.");
  process.exit(0);
}
const postgres = diff(postgresSchemaText(previous), POSTGRES_SCHEMA);
const stamp = new Date().toISOString().replace(/\D/g, "").slice(0, 14);
const dirs = [path.join("prisma", "migrations", `${stamp}_${name}`), path.join(POSTGRES_MIGRATIONS, `${stamp}_${name}`)];
for (const [dir, sql] of [[dirs[0], sqlite], [dirs[1], postgres]]) {
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(path.join(dir, "migration.sql"), sql);
}
fs.copyFileSync(path.join("prisma", "schema.prisma"), snapshot);
console.log(`Created ${dirs.map((d) => `${d}/migration.sql`).join(" and ")} — review both (triggers and data updates are written by hand in each dialect), then commit them with the schema.`);
