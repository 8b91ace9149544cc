#!/usr/bin/env node
// Starts Aimant in production mode: applies pending migrations (under an
// advisory lock on PostgreSQL, so several instances may start at once),
// builds once if there is no build yet, then serves.
import { spawnSync, spawn } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { isPostgresUrl, migrateOrExit } from "./migrate.mjs";

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
process.chdir(root);
process.env.NEXT_TELEMETRY_DISABLED = "1";
const port = process.env.PORT ?? "3000";
// next-auth builds its redirects (sign-out) on NEXTAUTH_URL: behind a balancer, the public APP_URL, not this instance's port.
process.env.NEXTAUTH_URL ||= process.env.APP_URL || `http://localhost:${port}`;

function run(args, label) {
  console.log(`› ${label}`);
  const result = spawnSync(process.execPath, args, { stdio: "inherit", env: process.env });
  if (result.status !== 0) {
    console.error(`✗ ${label} failed`);
    process.exit(result.status ?? 1);
  }
}

if (isPostgresUrl(process.env.DATABASE_URL)) {
  // Several instances must sign sessions and links with one secret: a key generated per instance would not do.
  if (!(process.env.AUTH_SECRET ?? process.env.NEXTAUTH_SECRET)) {
    console.error("✗ AUTH_SECRET is required with PostgreSQL: set the same long random value on every instance (e.g. `openssl rand -hex 32`).");
    process.exit(1);
  }
  // Our runner under an advisory lock (the other variables are checked when the server starts, in instrumentation.ts).
  console.log("› applying database migrations");
  await migrateOrExit();
} else {
  // prisma.config.ts validates the configuration first: a bad variable stops the start here.
  run(["scripts/prisma.mjs", "migrate", "deploy"], "checking the configuration, applying database migrations");
}
const distDir = process.env.NEXT_DIST_DIR ?? ".next";
if (!fs.existsSync(path.join(distDir, "BUILD_ID")) || process.argv.includes("--build")) {
  run(["node_modules/next/dist/bin/next", "build"], "building the app (first start only)");
}
console.log(`› Aimant on ${process.env.NEXTAUTH_URL}`);
// The same reading as lib/request-meta.ts: a whole number, else 0.
const hopsSetting = Number(process.env.AIMANT_TRUSTED_PROXY_HOPS ?? 0);
const hops = Number.isInteger(hopsSetting) && hopsSetting >= 0 ? hopsSetting : 0;
console.log(
  hops > 0
    ? `› client address for rate limits: ${hops} trusted proxy hop(s) back in X-Forwarded-For (AIMANT_TRUSTED_PROXY_HOPS=${hops})`
    : "› client address for rate limits: the connection's own address (no reverse proxy trusted; behind one, set AIMANT_TRUSTED_PROXY_HOPS=1)",
);
// Our server, not `next start`: it appends the socket's address to X-Forwarded-For (see scripts/server.mjs).
const server = spawn(process.execPath, ["scripts/server.mjs"], { stdio: "inherit", env: { ...process.env, PORT: port } });
for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => server.kill(signal));
server.on("exit", (code) => process.exit(code ?? 0));
