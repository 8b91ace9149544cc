#!/usr/bin/env node
// Runs the Playwright suite against a fresh production build and a fresh database,
// in Debian's Chromium (Playwright's own browser download is not reachable here).
import { spawnSync } from "node:child_process";
import fs from "node:fs";

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
fs.rmSync(env.AIMANT_DATA_DIR, { recursive: true, force: true });
if (!process.argv.includes("--no-build")) {
  console.log("› building the app for the e2e run");
  const build = spawnSync(process.execPath, ["node_modules/next/dist/bin/next", "build"], { stdio: "inherit", env });
  if (build.status !== 0) process.exit(build.status ?? 1);
}
// A fresh database with the demo organisation and contest (journeys of analytics, draw and export use it).
// The several-instances journey (AIMANT_E2E_POSTGRES_URL, its own config) needs none: its instances migrate
// their PostgreSQL database when they start, and it makes its own contest.
const sqliteSteps = process.env.AIMANT_E2E_POSTGRES_URL
  ? []
  : [
      ["applying migrations", ["scripts/prisma.mjs", "migrate", "deploy"]],
      ["seeding the demo data", ["node_modules/tsx/dist/cli.mjs", "--conditions=react-server", "scripts/demo.ts"]],
    ];
for (const [label, args] of sqliteSteps) {
  console.log(`› ${label}`);
  const r = spawnSync(process.execPath, args, { stdio: "inherit", env: { ...env, DATABASE_URL: "" } });
  if (r.status !== 0) process.exit(r.status ?? 1);
}
const args = process.argv.slice(2).filter((a) => a !== "--no-build");
const result = spawnSync(process.execPath, ["node_modules/@playwright/test/cli.js", "test", ...args], { stdio: "inherit", env });
process.exit(result.status ?? 1);
