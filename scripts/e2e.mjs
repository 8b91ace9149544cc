#!/usr/bin/env node
// Runs the Playwright suite against a fresh production build and a fresh database,
// in Debian's Chromium (Playwright's own browser download is not reachable here).
import { spawn, spawnSync } from "node:child_process";
import fs from "node:fs";
import readline from "node:readline";

const chromium = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
if (!fs.existsSync(chromium)) {
  if (process.getuid?.() === 0) {
    console.log("› installing Debian's chromium for the e2e tests");
    for (const args of [["update"], ["install", "-y", "--no-install-recommends", "chromium"]]) {
      const r = spawnSync("apt-get", args, { stdio: "inherit", env: { ...process.env, DEBIAN_FRONTEND: "noninteractive" } });
      if (r.status !== 0) process.exit(r.status ?? 1);
    }
  } else {
    console.error(`Chromium is missing at ${chromium}. Install it with:\n  sudo apt-get update && sudo apt-get install -y chromium\n(or set CHROMIUM_PATH)`);
    process.exit(1);
  }
}

// The demo's accounts, seeded below, hash at bcrypt's lowest cost like the accounts the journeys create (playwright.config.ts).
const env = { ...process.env, NEXT_TELEMETRY_DISABLED: "1", NEXT_DIST_DIR: process.env.NEXT_DIST_DIR ?? ".next-e2e", AIMANT_DATA_DIR: process.env.AIMANT_DATA_DIR ?? ".e2e-data", AIMANT_PASSWORD_COST: process.env.AIMANT_PASSWORD_COST ?? "4" };
if (!process.argv.includes("--no-build")) {
  console.log("› building the app for the e2e run");
  const build = spawnSync(process.execPath, ["node_modules/next/dist/bin/next", "build"], { stdio: "inherit", env });
  if (build.status !== 0) process.exit(build.status ?? 1);
}
const args = process.argv.slice(2).filter((a) => a !== "--no-build");
// The whole suite runs in shards side by side, each with its own server, database, mail capture and ports
// (E2E_PORT + 30 per shard): one browser, one server and the runner take turns and leave the second core idle
// much of the time. Named files or another config run as one.
const shards = args.length === 0 ? Math.max(1, Number(process.env.E2E_SHARDS ?? 2)) : 1;
const basePort = Number(process.env.E2E_PORT ?? 3210);
const children = new Set();
for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => { for (const child of children) child.kill(signal); process.exit(1); });

const codes = await Promise.all(
  Array.from({ length: shards }, (_, i) => {
    const shardEnv = shards === 1 ? env : { ...env, E2E_PORT: String(basePort + 30 * i), AIMANT_DATA_DIR: `${env.AIMANT_DATA_DIR}${i ? `-${i + 1}` : ""}`, E2E_SHARD_SUFFIX: i ? `-${i + 1}` : "" };
    return runShard(shardEnv, shards === 1 ? args : [...args, `--shard=${i + 1}/${shards}`], shards === 1 ? "" : `[${i + 1}/${shards}] `);
  }),
);
const failed = codes.map((code, i) => ({ code, shard: i + 1 })).filter((r) => r.code !== 0);
if (shards > 1) console.log(failed.length ? `› shards that failed: ${failed.map((r) => r.shard).join(", ")} (see the lines starting [n/${shards}])` : `› all ${shards} shards passed`);
process.exit(failed.length ? failed[0].code || 1 : 0);

/** A fresh database (migrated, with the demo unless on PostgreSQL), then Playwright; lines prefixed with the shard. */
async function runShard(shardEnv, playwrightArgs, prefix) {
  fs.rmSync(shardEnv.AIMANT_DATA_DIR, { recursive: true, force: true });
  // The demo organisation and contest (journeys of analytics, draw and export use it). The several-instances
  // journey (AIMANT_E2E_POSTGRES_URL, its own config) needs none: its instances migrate their PostgreSQL
  // database when they start, and it makes its own contest.
  const steps = process.env.AIMANT_E2E_POSTGRES_URL
    ? []
    : [
        ["applying migrations", ["scripts/prisma.mjs", "migrate", "deploy"]],
        ["seeding the demo data", ["node_modules/tsx/dist/cli.mjs", "--conditions=react-server", "scripts/demo.ts"]],
      ];
  for (const [label, stepArgs] of steps) {
    console.log(`${prefix}› ${label}`);
    const code = await run(stepArgs, { ...shardEnv, DATABASE_URL: "" }, prefix);
    if (code !== 0) return code;
  }
  return run(["node_modules/@playwright/test/cli.js", "test", ...playwrightArgs], shardEnv, prefix);
}

function run(nodeArgs, runEnv, prefix) {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, nodeArgs, { env: runEnv, stdio: prefix ? ["ignore", "pipe", "pipe"] : "inherit" });
    children.add(child);
    if (prefix) for (const [from, to] of [[child.stdout, process.stdout], [child.stderr, process.stderr]]) readline.createInterface({ input: from }).on("line", (line) => to.write(`${prefix}${line}\n`));
    child.on("close", (code) => {
      children.delete(child);
      resolve(code ?? 1);
    });
  });
}
