// The PostgreSQL schema is derived from the one hand-edited schema
// (prisma/schema.prisma, SQLite): Prisma refuses a provider taken from the
// environment, so each provider needs its own file and its own client.
// Only the datasource's provider and the client's output folder differ.
import fs from "node:fs";
import path from "node:path";

export const SQLITE_SCHEMA = path.join("prisma", "schema.prisma");
export const POSTGRES_SCHEMA = path.join("prisma", "postgresql", "schema.prisma");
export const POSTGRES_MIGRATIONS = path.join("prisma", "postgresql", "migrations");

const HEADER = "// GENERATED from prisma/schema.prisma by scripts/postgres-schema.mjs: edit that file, not this one.\n";

/** The PostgreSQL twin of an SQLite schema's text. */
export function postgresSchemaText(sqliteText) {
  const text = sqliteText
    .replace(/(datasource db \{[^}]*provider\s*=\s*)"sqlite"/, '$1"postgresql"')
    .replace(/output(\s*)=(\s*)"\.\.\/lib\/generated\/prisma"/, 'output$1=$2"../../lib/generated/prisma-postgresql"');
  if (!text.includes('"postgresql"') || !text.includes("prisma-postgresql")) throw new Error("prisma/schema.prisma: datasource or generator not found");
  return HEADER + text;
}

/** Writes prisma/postgresql/schema.prisma when it differs; returns its path. */
export function writePostgresSchema(root = process.cwd()) {
  const target = path.join(root, POSTGRES_SCHEMA);
  const text = postgresSchemaText(fs.readFileSync(path.join(root, SQLITE_SCHEMA), "utf8"));
  if (!fs.existsSync(target) || fs.readFileSync(target, "utf8") !== text) {
    fs.mkdirSync(path.dirname(target), { recursive: true });
    fs.writeFileSync(target, text);
  }
  return target;
}

if (import.meta.url === `file://${process.argv[1]}`) writePostgresSchema();
