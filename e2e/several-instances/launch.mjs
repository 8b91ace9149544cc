#!/usr/bin/env node
// The several-instances journey's server: two Aimant instances started at once the way
// production starts them (`node scripts/start.mjs`: migrations under the advisory lock,
// then scripts/server.mjs on the same build), on one PostgreSQL database, and the
// round-robin proxy in front once both answer. Every mail goes to the one capture
// server of the run. Usage (from the e2e config):
//   node e2e/several-instances/launch.mjs <proxy port> <smtp port> <instance port>...
// Needs AIMANT_E2E_POSTGRES_URL (a fresh database) and a build in NEXT_DIST_DIR.
import { spawn } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { startRoundRobinProxy } from "../../scripts/round-robin-proxy.mjs";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..", "..");
const [proxyPort, smtpPort, ...instancePorts] = process.argv.slice(2);
const databaseUrl = process.env.AIMANT_E2E_POSTGRES_URL;
const distDir = process.env.NEXT_DIST_DIR ?? ".next-e2e";
if (!proxyPort || !smtpPort || instancePorts.length < 2 || !databaseUrl) {
  console.error("usage: AIMANT_E2E_POSTGRES_URL=postgresql://… node e2e/several-instances/launch.mjs <proxy port> <smtp port> <instance port> <instance port>…");
  process.exit(2);
}
if (!fs.existsSync(path.join(root, distDir, "BUILD_ID"))) {
  // Two instances building into one folder at once would spoil it: build first (scripts/e2e.mjs does).
  console.error(`no production build in ${distDir}: run the e2e build first`);
  process.exit(2);
}
const publicUrl = `http://127.0.0.1:${proxyPort}`;
const dataRoot = path.join(root, ".e2e-instances");
fs.rmSync(dataRoot, { recursive: true, force: true });

const children = instancePorts.map((port, i) => {
  const name = String.fromCharCode(97 + i);
  const env = {
    ...process.env,
    PORT: port,
    // The public address, as the README asks of each instance: links in mails and next-auth's redirects name it.
    APP_URL: publicUrl,
    NEXT_DIST_DIR: distDir,
    // Nothing shared may live here: each instance gets its own empty folder.
    AIMANT_DATA_DIR: path.join(dataRoot, name),
    DATABASE_URL: databaseUrl,
    AUTH_SECRET: "e2e-several-instances-shared-secret-0123456789abcdef",
    AIMANT_TRUSTED_PROXY_HOPS: "1",
    SMTP_URL: `smtp://127.0.0.1:${smtpPort}`,
    MAIL_FROM: "Aimant <no-reply@aimant.test>",
    AIMANT_SIGNIN_IP_LIMIT: "10000",
    AIMANT_SIGNUP_LIMIT: "10000",
    AIMANT_SUBMIT_IP_LIMIT: "10000",
    AIMANT_VIEW_IP_LIMIT: "10000",
    AIMANT_CRON_SECRET: "e2e-cron-secret",
  };
  delete env.NEXTAUTH_URL; // npm start derives it from APP_URL
  const child = spawn(process.execPath, ["scripts/start.mjs"], { cwd: root, env, stdio: ["ignore", "pipe", "pipe"] });
  for (const stream of [child.stdout, child.stderr]) {
    let rest = "";
    stream.setEncoding("utf8");
    stream.on("data", (chunk) => {
      const lines = (rest + chunk).split("\n");
      rest = lines.pop() ?? "";
      for (const line of lines) console.log(`[instance ${name}] ${line}`);
    });
  }
  child.on("exit", (code, signal) => {
    if (stopping) return;
    console.error(`[instance ${name}] exited (${signal ?? code}): stopping the run`);
    stop(1);
  });
  return { name, port, child };
});

let stopping = false;
let proxy;
function stop(code) {
  stopping = true;
  for (const { child } of children) if (child.exitCode === null) child.kill("SIGTERM");
  proxy?.close();
  setTimeout(() => process.exit(code), 1500).unref();
}
for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => stop(0));

async function answers(url, timeoutMs) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline && !stopping) {
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      /* not up yet */
    }
    await new Promise((r) => setTimeout(r, 300));
  }
  throw new Error(`${url} did not answer`);
}

try {
  await Promise.all(children.map(({ port }) => answers(`http://127.0.0.1:${port}/sante`, 240_000)));
  proxy = await startRoundRobinProxy({ port: proxyPort, upstreams: children.map(({ port }) => `http://127.0.0.1:${port}`) });
  console.log(`› round-robin proxy on ${publicUrl} → ${children.map(({ name, port }) => `${name}:${port}`).join(", ")}`);
} catch (error) {
  console.error(String(error));
  stop(1);
}
