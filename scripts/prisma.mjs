#!/usr/bin/env node
// Runs the Prisma CLI offline: the engines it would download are not needed on
// the driver-adapter path (WebAssembly schema engine, Rust-free client), and
// pointing these variables at any existing file stops the download attempt.
import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import path from "node:path";
import fs from "node:fs";
import { POSTGRES_SCHEMA, writePostgresSchema } from "./postgres-schema.mjs";

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const placeholder = path.join(root, "package.json");
// Same default as lib/env.ts: the schema is validated before the
// config's adapter runs, so DATABASE_URL must be set here already.
if (!process.env.DATABASE_URL) {
  const dir = path.resolve(root, process.env.AIMANT_DATA_DIR ?? "data");
  fs.mkdirSync(dir, { recursive: true });
  process.env.DATABASE_URL = `file:${path.join(dir, "aimant.db")}`;
}
const env = {
  ...process.env,
  PRISMA_SCHEMA_ENGINE_BINARY: process.env.PRISMA_SCHEMA_ENGINE_BINARY ?? placeholder,
  PRISMA_QUERY_ENGINE_LIBRARY: process.env.PRISMA_QUERY_ENGINE_LIBRARY ?? placeholder,
  PRISMA_HIDE_UPDATE_MESSAGE: "1",
  CHECKPOINT_DISABLE: "1",
};
const cli = path.join(root, "node_modules", "prisma", "build", "index.js");
const args = process.argv.slice(2);
const prisma = (argv) => spawnSync(process.execPath, [cli, ...argv], { cwd: root, env, stdio: "inherit" }).status ?? 1;
// `generate` makes both clients (SQLite and PostgreSQL), the second from a schema derived from the first.
if (args[0] === "generate" && !args.some((a) => a.startsWith("--schema"))) {
  writePostgresSchema(root);
  const status = prisma(args);
  process.exit(status || prisma([...args, "--schema", POSTGRES_SCHEMA]));
}
process.exit(prisma(args));
