import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { test, expect } from "./fixtures";
import Database from "better-sqlite3";
import { DEMO_SLUG, MIN_FILL_MS } from "./campaign-helpers";
import { formDefinitionFromDb } from "./support/e2e-db";
import { fetchStartToken, submissionBody } from "../bench/submission-body";
import { waitFor } from "../bench/server";

// Kill -9 the server while phones are submitting, restart it: every entry that
// got a success answer is there with its consent records, none is half-written,
// and the database opens cleanly.
const port = Number(process.env.E2E_PORT ?? 3210) + 10;
const base = `http://localhost:${port}`;
const dataDir = `${process.env.AIMANT_DATA_DIR ?? ".e2e-data"}-crash`;
const env = {
  ...process.env,
  NODE_ENV: "production" as const,
  PORT: String(port),
  NEXTAUTH_URL: base,
  NEXT_DIST_DIR: process.env.NEXT_DIST_DIR ?? ".next-e2e",
  AIMANT_DATA_DIR: dataDir,
  DATABASE_URL: "",
  SMTP_URL: "",
  AIMANT_SUBMIT_IP_LIMIT: "1000000",
};

function startServer(): ChildProcess {
  // Own process group, so SIGKILL reaches every process of the server at once.
  return spawn(process.execPath, ["node_modules/next/dist/bin/next", "start", "-p", String(port)], { env, detached: true, stdio: "ignore" });
}
const waitUp = () => waitFor(`${base}/sante`, 60_000);
const kill = (child: ChildProcess) => {
  try {
    process.kill(-child.pid!, "SIGKILL");
  } catch {
    /* already gone */
  }
};

// The server is killed on purpose here: requests that fail meanwhile are the point of the test.
test.use({ allowServerErrors: true });

test("SIGKILL during submissions loses no acknowledged entry and leaves none half-written", async () => {
  test.setTimeout(180_000);
  fs.rmSync(dataDir, { recursive: true, force: true });
  for (const args of [["scripts/prisma.mjs", "migrate", "deploy"], ["node_modules/tsx/dist/cli.mjs", "--conditions=react-server", "scripts/demo.ts"]]) {
    expect(spawnSync(process.execPath, args, { env, stdio: "ignore" }).status).toBe(0);
  }
  let server = startServer();
  try {
    await waitUp();
    const file = path.join(dataDir, "aimant.db");
    const reader = new Database(file, { readonly: true });
    const form = formDefinitionFromDb(reader, DEMO_SLUG);
    reader.close();
    const token = await fetchStartToken(base, DEMO_SLUG);
    await new Promise((r) => setTimeout(r, MIN_FILL_MS));

    const acknowledged: string[] = [];
    const sent: string[] = [];
    let killed = false;
    let seq = 0;
    const worker = async () => {
      while (!killed) {
        const email = `crash-${seq++}@example.test`;
        sent.push(email);
        try {
          const response = await fetch(`${base}/api/f/${DEMO_SLUG}/submit`, {
            method: "POST",
            headers: { "content-type": "application/json", origin: base },
            body: JSON.stringify(submissionBody(form, email, token)),
          });
          if (response.status === 201) acknowledged.push(email);
        } catch {
          /* the server died under this request: not acknowledged */
        }
      }
    };
    const workers = Array.from({ length: 12 }, worker);
    await new Promise((r) => setTimeout(r, 2500));
    killed = true;
    kill(server);
    await Promise.all(workers);
    expect(acknowledged.length).toBeGreaterThan(5);
    expect(sent.length).toBeGreaterThan(acknowledged.length);

    server = startServer();
    await waitUp();
    const db = new Database(file, { readonly: true });
    expect(db.pragma("integrity_check", { simple: true })).toBe("ok");
    const one = (sql: string, ...args: unknown[]) => (db.prepare(sql).get(...args) as { n: number }).n;
    for (const email of acknowledged) {
      const response = db.prepare(`SELECT id FROM "Response" WHERE dedupeKey = ? AND status = 'ACCEPTED'`).get(email) as { id: string } | undefined;
      expect(response, email).toBeTruthy();
      expect(one(`SELECT COUNT(*) AS n FROM "Answer" WHERE responseId = ?`, response!.id), email).toBeGreaterThan(0);
      expect(one(`SELECT COUNT(*) AS n FROM "ConsentRecord" WHERE responseId = ? AND action = 'GRANT'`, response!.id), email).toBe(1);
      expect(one(`SELECT COUNT(*) AS n FROM "OptInToken" WHERE responseId = ?`, response!.id), email).toBe(1);
    }
    // Whatever reached the database is whole: no entry without its answers, consent, token and mail.
    const written = db.prepare(`SELECT id, dedupeKey FROM "Response" WHERE dedupeKey LIKE 'crash-%'`).all() as Array<{ id: string; dedupeKey: string }>;
    expect(written.length).toBeGreaterThanOrEqual(acknowledged.length);
    for (const r of written) {
      expect(one(`SELECT COUNT(*) AS n FROM "Answer" WHERE responseId = ?`, r.id), r.dedupeKey).toBeGreaterThan(0);
      expect(one(`SELECT COUNT(*) AS n FROM "ConsentRecord" WHERE responseId = ?`, r.id), r.dedupeKey).toBe(1);
      expect(one(`SELECT COUNT(*) AS n FROM "OutboxMail" WHERE toAddress = ?`, r.dedupeKey), r.dedupeKey).toBe(1);
    }
    db.close();
    // And the restarted server takes entries again.
    const after = await fetch(`${base}/api/f/${DEMO_SLUG}/submit`, {
      method: "POST",
      headers: { "content-type": "application/json", origin: base },
      body: JSON.stringify(submissionBody(form, "crash-after@example.test", token)),
    });
    expect(after.status).toBe(201);
  } finally {
    kill(server);
  }
});
