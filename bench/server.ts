// Starts a production build of the app for a benchmark, on its own port,
// build folder and fresh data folder, and stops it afterwards.
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import fs from "node:fs";

export type BenchServer = { url: string; env: NodeJS.ProcessEnv; stop: () => Promise<void>; process: ChildProcess };

export function benchEnv(name: string, port: number, extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  return {
    ...process.env,
    NODE_ENV: "production",
    NEXT_TELEMETRY_DISABLED: "1",
    PORT: String(port),
    NEXTAUTH_URL: `http://localhost:${port}`,
    NEXT_DIST_DIR: ".next-bench",
    // Builds in the baseline route (app/api/bench/baseline/route.bench.ts), left out of production builds.
    AIMANT_BENCH: "1",
    AIMANT_DATA_DIR: `.bench-data/${name}`,
    DATABASE_URL: "",
    SMTP_URL: "",
    ...extra,
  };
}

/** Builds once per benchmark run (unless BENCH_NO_BUILD=1), resets the data folder, migrates and seeds the demo. */
export function prepare(env: NodeJS.ProcessEnv): void {
  fs.rmSync(env.AIMANT_DATA_DIR!, { recursive: true, force: true });
  const steps: Array<[string, string[]]> = [];
  if (!process.env.BENCH_NO_BUILD && !fs.existsSync(".next-bench/.bench-built-with-baseline")) steps.push(["build", ["node_modules/next/dist/bin/next", "build"]]);
  // PostgreSQL: the runner `npm start` uses (Prisma's own deploy cannot run through the pg adapter).
  const migrate = /^postgres(ql)?:\/\//.test(env.DATABASE_URL ?? "") ? ["scripts/migrate.mjs"] : ["scripts/prisma.mjs", "migrate", "deploy"];
  steps.push(["migrate", migrate], ["demo", ["node_modules/tsx/dist/cli.mjs", "--conditions=react-server", "scripts/demo.ts"]]);
  for (const [label, args] of steps) {
    const r = spawnSync(process.execPath, args, { env, stdio: ["ignore", "ignore", "inherit"] });
    if (r.status !== 0) throw new Error(`bench ${label} failed`);
    if (label === "build") fs.writeFileSync(".next-bench/.bench-built-with-baseline", new Date().toISOString());
  }
}

export async function startServer(env: NodeJS.ProcessEnv): Promise<BenchServer> {
  const url = `http://localhost:${env.PORT}`;
  // The production server of `npm start` (scripts/server.mjs): the same request path, in one process that stop() ends
  // (`next start` serves from a child process that outlived its parent's SIGTERM and kept the port).
  const child = spawn(process.execPath, ["scripts/server.mjs"], { env, stdio: ["ignore", "ignore", "inherit"] });
  await waitFor(`${url}/sante`, 60_000);
  return {
    url,
    env,
    process: child,
    stop: () =>
      new Promise((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once("exit", () => resolve());
        child.kill("SIGTERM");
      }),
  };
}

export async function waitFor(url: string, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      /* not up yet */
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`${url} did not answer within ${timeoutMs} ms`);
}
