import { spawn } from "node:child_process";
import { afterAll, expect, it } from "vitest";
import { useFreshDatabase } from "../test-db";
import { seedOrganisation } from "./consent-fixtures";
import { startReceiver } from "./webhook-receiver";

// Several instances of the app on one database: two worker processes (each its
// own connections, like two servers) deliver the same queue at the same time.
// Every event reaches the endpoint exactly once: the claims in the database keep
// them apart, not anything in a process. (PostgreSQL: see docs/decisions/015-webhooks.md.)

const { url } = useFreshDatabase();
process.env.AIMANT_WEBHOOKS_ALLOW_PRIVATE = "1";
const SECRET = "whsec_instances";
let receiver: Awaited<ReturnType<typeof startReceiver>> | undefined;

afterAll(async () => receiver?.close());

/** A worker process: `ready` resolves once it is loaded, `go()` starts it, `done` gives its report. */
function workerProcess() {
  const child = spawn(process.execPath, ["node_modules/tsx/dist/cli.mjs", "--conditions=react-server", "tests/integration/webhook-worker-process.ts"], {
    env: { ...process.env, DATABASE_URL: url, AIMANT_WEBHOOKS_ALLOW_PRIVATE: "1" },
    stdio: ["pipe", "pipe", "inherit"],
  });
  let out = "";
  let onReady: () => void = () => {};
  const ready = new Promise<void>((resolve) => (onReady = resolve));
  child.stdout.on("data", (c: Buffer) => {
    out += c.toString();
    if (out.includes("ready")) onReady();
  });
  const done = new Promise<{ succeeded: number }>((resolve, reject) =>
    child.on("exit", (code) => (code === 0 ? resolve(JSON.parse(out.trim().split("\n").pop()!)) : reject(new Error(`worker exited ${code}`)))),
  );
  return { ready, done, go: () => child.stdin.write("go\n") };
}

it("two worker processes on one database deliver each event once", async () => {
  const { db } = await import("@/lib/db");
  const { sealSecret } = await import("@/lib/crypto/secret-box");
  const { queueWebhookEvent } = await import("@/lib/webhooks/queue");
  receiver = await startReceiver({ secrets: () => [SECRET], delayMs: 3 });
  const org = await seedOrganisation("Instances");
  await db.webhookEndpoint.create({ data: { organisationId: org.id, url: receiver.url, events: JSON.stringify(["draw.completed"]), secret: sealSecret(SECRET) } });
  const ids: string[] = [];
  await db.$transaction(async (tx) => {
    for (let i = 0; i < 200; i++) {
      ids.push((await queueWebhookEvent(tx, org.id, "draw.completed", { drawId: `d${i}`, campaign: { id: "c", title: "t" }, sequence: i, redraw: false, drawnAt: new Date().toISOString(), eligibleCount: 1, eligibleHash: "h", winnersCount: 1, alternatesCount: 0 }))!);
    }
  });
  const workers = [workerProcess(), workerProcess()];
  await Promise.all(workers.map((w) => w.ready));
  for (const w of workers) w.go();
  const [a, b] = await Promise.all(workers.map((w) => w.done));
  const got = receiver.received.map((r) => r.eventId);
  expect(got).toHaveLength(200);
  expect(new Set(got)).toEqual(new Set(ids));
  expect(a.succeeded + b.succeeded).toBe(200);
  // Both took part (neither waited for the other to finish the whole queue).
  expect(Math.min(a.succeeded, b.succeeded)).toBeGreaterThan(0);
  expect(await db.webhookDelivery.count({ where: { status: "SUCCEEDED" } })).toBe(200);
}, 180_000);
