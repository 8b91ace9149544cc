import { spawn } from "node:child_process";
import { describe, expect, it, vi } from "vitest";
import { useFreshDatabase } from "../test-db";
import { seedCampaign, seedEntry, seedOrganisation } from "./consent-fixtures";

// The daily digest of new entries: one mail per member, campaign and local day, even with
// several workers or instances at once (the day's row is the claim); it counts accepted
// entries only, since the last digest, in the member's language.

const { url } = useFreshDatabase();
vi.mock("@/lib/mail/worker", () => ({ kickOutbox: () => undefined }));

// 10:00 in Paris (09:00 UTC in winter): the digest hour (08:00) has passed.
const MORNING = new Date("2026-12-02T09:00:00Z");
let seq = 0;

/** An organisation with a campaign and a member who asked for its digest (in `locale`), subscribed at `since`. */
async function subscribed(locale: "fr" | "en", since: Date) {
  const { db } = await import("@/lib/db");
  seq += 1;
  const org = await seedOrganisation(`Digest ${seq}`);
  const seeded = await seedCampaign(org.id);
  await db.campaign.update({ where: { id: seeded.campaign.id }, data: { title: `Grand jeu ${seq}` } });
  const user = await db.user.create({ data: { email: `digest-${seq}@example.test`, name: `Camille ${seq}`, passwordHash: "x", locale } });
  const membership = await db.membership.create({ data: { userId: user.id, organisationId: org.id, role: "VIEWER" } });
  await db.digestSubscription.create({ data: { membershipId: membership.id, campaignId: seeded.campaign.id, createdAt: since } });
  return { org, seeded, user, membership };
}

/** A rejected (bot) entry, as the submission stores it: no dedupe key, no contact. */
async function rejectedEntry(campaignId: string, at: Date) {
  const { db } = await import("@/lib/db");
  await db.response.create({ data: { campaignId, status: "REJECTED", rejectReason: "HONEYPOT", submittedAt: at } });
}

function workerProcess(now: Date) {
  const child = spawn(process.execPath, ["node_modules/tsx/dist/cli.mjs", "--conditions=react-server", "tests/integration/digest-worker-process.ts"], {
    env: { ...process.env, DATABASE_URL: url, DIGEST_NOW: now.toISOString() },
    stdio: ["pipe", "pipe", "inherit"],
  });
  let out = "";
  let onReady: () => void = () => {};
  const ready = new Promise<void>((resolve) => (onReady = resolve));
  child.stdout.on("data", (c: Buffer) => {
    out += c.toString();
    if (out.includes("ready")) onReady();
  });
  const done = new Promise<{ sent: number; empty: number; skipped: number }>((resolve, reject) =>
    child.on("exit", (code) => (code === 0 ? resolve(JSON.parse(out.trim().split("\n").pop()!)) : reject(new Error(`worker exited ${code}`)))),
  );
  return { ready, done, go: () => child.stdin.write("go\n") };
}

describe("daily digest of new entries", () => {
  it("counts accepted entries only, since the subscription, in the member's language", async () => {
    const { db } = await import("@/lib/db");
    const { runDigests } = await import("@/lib/digest/send");
    const yesterday = new Date(MORNING.getTime() - 24 * 3_600_000);
    const fr = await subscribed("fr", yesterday);
    const en = await subscribed("en", yesterday);
    for (const s of [fr, en]) {
      await seedEntry(s.seeded, { submittedAt: new Date(yesterday.getTime() - 3_600_000) }); // before the subscription: in the total only
      await seedEntry(s.seeded, { submittedAt: new Date(yesterday.getTime() + 3_600_000) });
      await seedEntry(s.seeded, { submittedAt: new Date(yesterday.getTime() + 7_200_000), confirmed: true });
      await rejectedEntry(s.seeded.campaign.id, new Date(yesterday.getTime() + 3_600_000));
      await rejectedEntry(s.seeded.campaign.id, new Date(yesterday.getTime() + 3_600_000));
    }
    await runDigests(MORNING);

    const frMail = await db.outboxMail.findFirstOrThrow({ where: { toAddress: fr.user.email, kind: "digest" } });
    expect(frMail.subject).toMatch(/^Grand jeu \d+ : 2 nouvelles participations$/);
    expect(frMail.text).toContain("2 nouvelles participations acceptées pour « Grand jeu");
    expect(frMail.text).toContain("3 participations acceptées au total.");
    expect(frMail.text).toContain("Bonjour Camille");
    expect(frMail.text).toContain(`/campagnes/${fr.seeded.campaign.id}/statistiques`);
    const enMail = await db.outboxMail.findFirstOrThrow({ where: { toAddress: en.user.email, kind: "digest" } });
    expect(enMail.subject).toMatch(/^Grand jeu \d+: 2 new entries$/);
    expect(enMail.text).toContain("2 new accepted entries for “Grand jeu");
    expect(enMail.text).toContain("3 accepted entries in all.");
    expect(enMail.text).toContain("Hello Camille");
    expect(frMail.organisationId).toBe(fr.org.id);
  });

  it("counts from the last digest on the next day, and mails nothing for a day without entries", async () => {
    const { db } = await import("@/lib/db");
    const { runDigests } = await import("@/lib/digest/send");
    const s = await subscribed("fr", new Date(MORNING.getTime() - 24 * 3_600_000));
    await seedEntry(s.seeded, { submittedAt: new Date(MORNING.getTime() - 3_600_000) });
    await runDigests(MORNING);
    const nextMorning = new Date(MORNING.getTime() + 24 * 3_600_000);
    await seedEntry(s.seeded, { submittedAt: new Date(MORNING.getTime() + 3_600_000) });
    await runDigests(nextMorning);
    const mails = await db.outboxMail.findMany({ where: { toAddress: s.user.email }, orderBy: { createdAt: "asc" } });
    expect(mails.map((m) => m.subject.split(" : ")[1])).toEqual(["1 nouvelle participation", "1 nouvelle participation"]);
    // A third day with nothing new: the day is claimed, no mail.
    await runDigests(new Date(nextMorning.getTime() + 24 * 3_600_000));
    expect(await db.outboxMail.count({ where: { toAddress: s.user.email } })).toBe(2);
    expect(await db.digestSend.count({ where: { membershipId: s.membership.id } })).toBe(3);
  });

  it("waits for the digest hour in the campaign's time zone", async () => {
    const { db } = await import("@/lib/db");
    const { runDigests } = await import("@/lib/digest/send");
    const s = await subscribed("fr", new Date(MORNING.getTime() - 24 * 3_600_000));
    await seedEntry(s.seeded, { submittedAt: new Date(MORNING.getTime() - 10 * 3_600_000) });
    await runDigests(new Date("2026-12-02T06:30:00Z")); // 07:30 in Paris
    expect(await db.outboxMail.count({ where: { toAddress: s.user.email } })).toBe(0);
    await runDigests(new Date("2026-12-02T07:05:00Z")); // 08:05 in Paris
    expect(await db.outboxMail.count({ where: { toAddress: s.user.email } })).toBe(1);
  });

  it("mails once a day however many runs happen at once in one process", async () => {
    const { db } = await import("@/lib/db");
    const { runDigests } = await import("@/lib/digest/send");
    const s = await subscribed("fr", new Date(MORNING.getTime() - 24 * 3_600_000));
    await seedEntry(s.seeded, { submittedAt: new Date(MORNING.getTime() - 3_600_000) });
    await Promise.all(Array.from({ length: 6 }, (_, i) => runDigests(new Date(MORNING.getTime() + i * 1000))));
    expect(await db.outboxMail.count({ where: { toAddress: s.user.email } })).toBe(1);
    expect(await db.digestSend.count({ where: { membershipId: s.membership.id } })).toBe(1);
  });

  it("two worker processes on one database send each member's digest once", async () => {
    const { db } = await import("@/lib/db");
    // Other tests' wishes have had their day: only these new ones are due at this later date.
    const day = new Date("2026-12-10T09:00:00Z");
    const wishes = [];
    for (let i = 0; i < 8; i++) {
      const s = await subscribed(i % 2 ? "en" : "fr", new Date(day.getTime() - 24 * 3_600_000));
      await seedEntry(s.seeded, { submittedAt: new Date(day.getTime() - 3_600_000) });
      wishes.push(s);
    }
    const before = await db.outboxMail.count({ where: { kind: "digest" } });
    const workers = [workerProcess(day), workerProcess(day)];
    await Promise.all(workers.map((w) => w.ready));
    for (const w of workers) w.go();
    const [a, b] = await Promise.all(workers.map((w) => w.done));
    for (const s of wishes) expect(await db.outboxMail.count({ where: { toAddress: s.user.email, kind: "digest" } })).toBe(1);
    const sentNow = (await db.outboxMail.count({ where: { kind: "digest" } })) - before;
    expect(a.sent + b.sent).toBe(sentNow);
    expect(await db.digestSend.count({ where: { day: "2026-12-10" } })).toBeGreaterThanOrEqual(8);
  }, 180_000);
});
