#!/usr/bin/env node
// Creates prisma/migrations/<timestamp>_<name>/migration.sql from the change
// between the schema at the last migration and prisma/schema.prisma.
// (`prisma migrate dev` needs a shadow database that our offline engine lacks.)
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";

const name = (process.argv[2] ?? "").replace(/[^a-z0-9_]+/gi, "_").toLowerCase();
if (!name) {
  console.error("usage: npm run db:migration -- <name>");
  process.exit(2);
}
const snapshot = path.join("prisma", "migrations", "schema-at-last-migration.prisma.txt");
const tmp = path.join("prisma", ".previous-schema.prisma");
fs.copyFileSync(snapshot, tmp);
let sql;
try {
  sql = execFileSync(process.execPath, ["scripts/prisma.mjs", "migrate", "diff", "--from-schema-datamodel", tmp, "--to-schema-datamodel", "prisma/schema.prisma", "--script"], { encoding: "utf8" });
} finally {
  fs.rmSync(tmp);
}
if (!sql.trim() || sql.includes("empty migration")) {
  console.log("The schema has not changed since the last migration: nothing to do.");
  process.exit(0);
}
const stamp = new Date().toISOString().replace(/\D/g, "").slice(0, 14);
const dir = path.join("prisma", "migrations", `${stamp}_${name}`);
fs.mkdirSync(dir, { recursive: true });
fs.writeFileSync(path.join(dir, "migration.sql"), sql);
fs.copyFileSync(path.join("prisma", "schema.prisma"), snapshot);
console.log(`Created ${dir}/migration.sql — review it, then commit it with the schema.`);
