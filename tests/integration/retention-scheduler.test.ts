import { beforeAll, describe, expect, it, vi } from "vitest";
import { useFreshDatabase as freshDatabase } from "../test-db";
import { seedCampaign, seedEntry, seedOrganisation } from "./consent-fixtures";

freshDatabase();

// The preference page is called as a function (not rendered): its texts do not matter here.
vi.mock("next-intl/server", () => ({
  getTranslations: async () => Object.assign((key: string) => key, { rich: (key: string) => key, has: () => true }),
  getFormatter: async () => ({ dateTime: () => "", number: String }),
}));

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const t0 = new Date("2026-06-01T03:00:00Z");
const at = (ms: number) => () => new Date(t0.getTime() + ms);

describe("the daily retention purge runs by itself, one runner at a time", () => {
  beforeAll(async () => {
    await seedOrganisation("Scheduler");
  });

  it("runs when due, records the run, and skips until a day has passed", async () => {
    const { db } = await import("@/lib/db");
    const { runRetentionJob, PURGE_JOB } = await import("@/lib/retention/scheduler");
    const first = await runRetentionJob({ trigger: "SCHEDULE", holder: "A", now: at(0) });
    expect(first.outcome).toBe("ran");
    const run = await db.jobRun.findFirstOrThrow({ where: { job: PURGE_JOB } });
    expect(run).toMatchObject({ trigger: "SCHEDULE", status: "DONE", startedAt: t0 });
    expect(JSON.parse(run.report).totals).toBeDefined();
    // Not due an hour later, for this runner or another.
    expect((await runRetentionJob({ trigger: "SCHEDULE", holder: "A", now: at(HOUR) })).outcome).toBe("not-due");
    expect((await runRetentionJob({ trigger: "SCHEDULE", holder: "B", now: at(23 * HOUR) })).outcome).toBe("not-due");
    // Due a day later.
    expect((await runRetentionJob({ trigger: "SCHEDULE", holder: "B", now: at(DAY) })).outcome).toBe("ran");
    expect(await db.jobRun.count({ where: { job: PURGE_JOB, status: "DONE" } })).toBe(2);
  });

  it("skips while another runner holds the lease, runs once it has expired", async () => {
    const { db } = await import("@/lib/db");
    const { runRetentionJob, PURGE_JOB } = await import("@/lib/retention/scheduler");
    const { acquireLease } = await import("@/lib/jobs/lease");
    const runs = await db.jobRun.count();
    const later = 3 * DAY;
    // Another process took the lease (and is purging).
    expect(await acquireLease(PURGE_JOB, "other-process", 2 * HOUR, at(later)())).toBe(true);
    expect((await runRetentionJob({ trigger: "SCHEDULE", holder: "A", now: at(later + HOUR) })).outcome).toBe("busy");
    expect((await runRetentionJob({ trigger: "CRON", holder: "A", force: true, now: at(later + HOUR) })).outcome).toBe("busy");
    expect(await db.jobRun.count()).toBe(runs);
    // Its lease expired (it crashed): the job is free again.
    expect((await runRetentionJob({ trigger: "SCHEDULE", holder: "A", now: at(later + 2 * HOUR) })).outcome).toBe("ran");
    expect(await db.jobRun.count()).toBe(runs + 1);
  });

  it("two runners racing: exactly one runs", async () => {
    const { runRetentionJob } = await import("@/lib/retention/scheduler");
    const when = at(10 * DAY);
    const results = await Promise.all(["X", "Y", "Z"].map((holder) => runRetentionJob({ trigger: "SCHEDULE", holder, now: when })));
    expect(results.filter((r) => r.outcome === "ran")).toHaveLength(1);
  });

  it("the compliance page's view shows the last run with this organisation's counts", async () => {
    const { lastPurgeRunFor } = await import("@/lib/retention/scheduler");
    const { db } = await import("@/lib/db");
    const org = await db.organisation.findFirstOrThrow({ where: { name: "Scheduler" } });
    const view = await lastPurgeRunFor(org.id);
    expect(view).toMatchObject({ status: "DONE", counts: { unconfirmedEntriesDeleted: 0, contactsAnonymised: 0, rejectedEntriesStripped: 0 } });
    expect(view!.startedAt.getTime()).toBe(at(10 * DAY)().getTime());
  });
});

describe("retention: rejected entries and visits", () => {
  it("rejected (bot) entries lose their personal data after the unconfirmed delay, whatever the campaign's confirmation setting", async () => {
    const { db } = await import("@/lib/db");
    const { runPurge } = await import("@/lib/retention/purge");
    const org = await seedOrganisation("Bots");
    const seeded = await seedCampaign(org.id, { unconfirmedPurgeDays: 30 });
    await db.campaign.update({ where: { id: seeded.campaign.id }, data: { requireConfirmation: false } });
    const now = new Date();
    const bot = (days: number) =>
      db.response.create({
        data: {
          campaignId: seeded.campaign.id, status: "REJECTED", rejectReason: "HONEYPOT", submittedAt: new Date(now.getTime() - days * DAY), fillMs: 900,
          userAgent: "BotAgent/1.0", ipHash: "abc123", pageUrl: "https://shop.test/f/x", utmSource: "qr", data: JSON.stringify({ email: "bot@spam.test", firstName: "Bot" }),
        },
      });
    const old = await bot(31);
    const recent = await bot(29);
    const report = await runPurge(now);
    expect(report.organisations.find((o) => o.organisationId === org.id)?.rejectedEntriesStripped).toBe(1);
    expect(await db.response.findUniqueOrThrow({ where: { id: old.id } })).toMatchObject({
      status: "REJECTED", data: "{}", userAgent: "", ipHash: "", pageUrl: "", utmSource: "", fillMs: 0,
    });
    expect((await db.response.findUniqueOrThrow({ where: { id: old.id } })).erasedAt).not.toBeNull();
    expect(await db.response.findUniqueOrThrow({ where: { id: recent.id } })).toMatchObject({ userAgent: "BotAgent/1.0", data: expect.stringContaining("bot@spam.test") });
    // Idempotent.
    expect((await runPurge(now)).organisations.find((o) => o.organisationId === org.id)?.rejectedEntriesStripped).toBe(0);
  });

  it("opening a preference link (GET) does not extend retention; an action (POST) does", async () => {
    const { db } = await import("@/lib/db");
    const { preferencesToken } = await import("@/lib/preferences/links");
    const { withdrawConsents } = await import("@/lib/consent/withdraw");
    const org = await seedOrganisation("Visits");
    const seeded = await seedCampaign(org.id);
    const long = new Date("2024-01-01T00:00:00Z");
    const { contact } = await seedEntry(seeded, { submittedAt: long, confirmed: true });
    const { default: PreferencesPage } = await import("@/app/p/[token]/page");
    await PreferencesPage({ params: Promise.resolve({ token: preferencesToken(contact.id) }), searchParams: Promise.resolve({}) });
    expect((await db.contact.findUniqueOrThrow({ where: { id: contact.id } })).lastInteractionAt).toEqual(long);
    await withdrawConsents({ organisationId: org.id, contactId: contact.id, method: "PREFERENCE_CENTRE", actor: { userId: null, label: "RESPONDENT" } });
    expect((await db.contact.findUniqueOrThrow({ where: { id: contact.id } })).lastInteractionAt.getTime()).toBeGreaterThan(long.getTime());
  });
});
