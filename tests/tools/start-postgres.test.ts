// `npm start`, `npm run db:migrate` and `npm run demo` on PostgreSQL (issue 12): a database that cannot be reached
// or a missing shared secret stops them at once with a clear message and a non-zero exit, not a stack trace.
import { spawn } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import type { AddressInfo } from "node:net";
import { describe, expect, it } from "vitest";

/** A local port where nothing listens: a database server that is down. */
async function closedPort(): Promise<number> {
  const probe = net.createServer();
  await new Promise<void>((resolve) => probe.listen(0, "127.0.0.1", resolve));
  const { port } = probe.address() as AddressInfo;
  await new Promise((resolve) => probe.close(resolve));
  return port;
}

async function run(args: string[], env: Record<string, string>): Promise<{ code: number | null; output: string; ms: number }> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "aimant-start-pg-"));
  const started = Date.now();
  const child = spawn(process.execPath, args, {
    env: { ...process.env, NODE_ENV: "production", AIMANT_DATA_DIR: dataDir, NEXT_DIST_DIR: path.join(dataDir, "no-build"), PORT: "3329", AUTH_SECRET: "", NEXTAUTH_SECRET: "", ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stdout.on("data", (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on("data", (chunk: Buffer) => (output += chunk.toString()));
  const timer = setTimeout(() => child.kill("SIGKILL"), 45_000);
  const code = await new Promise<number | null>((resolve) => child.on("exit", resolve));
  clearTimeout(timer);
  expect(fs.existsSync(path.join(dataDir, "no-build")), "nothing was built").toBe(false);
  return { code, output, ms: Date.now() - started };
}

const SECRET = "a-shared-secret-for-every-instance-0123456789abcdef";
/** A stack trace's frames, which an operator should not have to read. */
const STACK_FRAME = /^\s+at .+:\d+:\d+\)?$/m;

describe("starting on PostgreSQL", () => {
  it("npm start with an unreachable database: its address (password hidden) and the reason, exit 1, no stack trace", async () => {
    const port = await closedPort();
    const { code, output } = await run(["scripts/start.mjs"], { DATABASE_URL: `postgresql://aimant:s3cret-pw@127.0.0.1:${port}/aimant`, AUTH_SECRET: SECRET });
    expect(code).toBe(1);
    expect(output).toContain(`✗ Cannot reach the PostgreSQL database at postgresql://aimant:****@127.0.0.1:${port}/aimant: ECONNREFUSED`);
    expect(output).toContain("Check DATABASE_URL and that the server is running");
    expect(output).not.toContain("s3cret-pw");
    expect(output).not.toMatch(STACK_FRAME);
    expect(output).not.toContain("building the app");
  }, 60_000);

  it("npm start without AUTH_SECRET: says every instance needs the same one, before touching the database", async () => {
    const port = await closedPort();
    const { code, output } = await run(["scripts/start.mjs"], { DATABASE_URL: `postgresql://aimant@127.0.0.1:${port}/aimant` });
    expect(code).toBe(1);
    expect(output).toContain("✗ AUTH_SECRET is required with PostgreSQL: set the same long random value on every instance");
    expect(output).not.toContain("Cannot reach");
    expect(output).not.toMatch(STACK_FRAME);
  }, 60_000);

  it("npm run db:migrate (the release step) and npm run demo's first step stop the same way", async () => {
    const port = await closedPort();
    const { code, output } = await run(["scripts/migrate.mjs"], { DATABASE_URL: `postgres://aimant:pw@127.0.0.1:${port}/aimant` });
    expect(code).toBe(1);
    expect(output).toContain(`✗ Cannot reach the PostgreSQL database at postgres://aimant:****@127.0.0.1:${port}/aimant: ECONNREFUSED`);
    expect(output).not.toMatch(STACK_FRAME);
    // `npm run demo` is `node scripts/migrate.mjs && tsx … scripts/demo.ts`: the demo never runs on a database it cannot reach.
    const scripts = (JSON.parse(fs.readFileSync("package.json", "utf8")) as { scripts: Record<string, string> }).scripts;
    expect(scripts.demo).toMatch(/^node scripts\/migrate\.mjs && /);
    expect(scripts["db:migrate"]).toBe("node scripts/migrate.mjs");
  }, 60_000);

  it("an unknown host is a clear message too", async () => {
    const { code, output } = await run(["scripts/migrate.mjs"], { DATABASE_URL: "postgresql://aimant@db-host.invalid:5432/aimant" });
    expect(code).toBe(1);
    expect(output).toContain("✗ Cannot reach the PostgreSQL database at postgresql://aimant@db-host.invalid:5432/aimant: ENOTFOUND");
    expect(output).not.toMatch(STACK_FRAME);
  }, 60_000);
});
