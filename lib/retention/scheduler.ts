import "server-only";
import crypto from "node:crypto";
import os from "node:os";
import { db } from "@/lib/db";
import { acquireLease, releaseLease } from "@/lib/jobs/lease";
import { type PurgeReport, runPurge } from "./purge";
import { PURGE_CHECK_INTERVAL_MS, PURGE_LEASE_MS, purgeDue } from "./schedule";

export const PURGE_JOB = "retention.purge";

type PurgeTrigger = "SCHEDULE" | "CRON" | "CLI";

type PurgeOutcome =
  | { outcome: "not-due" }
  | { outcome: "busy" }
  | { outcome: "ran"; runId: string; report: PurgeReport }
  | { outcome: "failed"; runId: string; error: string };

/** This process, as a lease holder. */
export const processHolder = `${os.hostname()}:${process.pid}:${crypto.randomBytes(4).toString("hex")}`;

async function lastSuccessStart(): Promise<Date | null> {
  const last = await db.jobRun.findFirst({ where: { job: PURGE_JOB, status: "DONE" }, orderBy: { startedAt: "desc" }, select: { startedAt: true } });
  return last?.startedAt ?? null;
}

/**
 * Runs the retention purge if it is due (or `force`, for the cron route and the
 * command line), by one runner at a time across processes (a lease row in the
 * database), and records the run with its report or error.
 */
export async function runRetentionJob(input: { trigger: PurgeTrigger; holder?: string; force?: boolean; now?: () => Date }): Promise<PurgeOutcome> {
  const clock = input.now ?? (() => new Date());
  const holder = input.holder ?? processHolder;
  if (!input.force && !purgeDue(await lastSuccessStart(), clock())) return { outcome: "not-due" };
  if (!(await acquireLease(PURGE_JOB, holder, PURGE_LEASE_MS, clock()))) return { outcome: "busy" };
  try {
    // Another runner may have finished a run between our check and our lease.
    if (!input.force && !purgeDue(await lastSuccessStart(), clock())) return { outcome: "not-due" };
    const startedAt = clock();
    const run = await db.jobRun.create({ data: { job: PURGE_JOB, trigger: input.trigger, startedAt }, select: { id: true } });
    try {
      const report = await runPurge(startedAt);
      await db.jobRun.update({ where: { id: run.id }, data: { status: "DONE", finishedAt: clock(), report: JSON.stringify(report) } });
      return { outcome: "ran", runId: run.id, report };
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      await db.jobRun.update({ where: { id: run.id }, data: { status: "FAILED", finishedAt: clock(), error: message.slice(0, 2000) } });
      return { outcome: "failed", runId: run.id, error: message };
    }
  } finally {
    await releaseLease(PURGE_JOB, holder, clock());
  }
}

/** The latest run of the purge, for the compliance pages (null: never ran). */
export async function lastPurgeRun() {
  return db.jobRun.findFirst({ where: { job: PURGE_JOB }, orderBy: { startedAt: "desc" } });
}

type SchedulerState = { timer?: NodeJS.Timeout; first?: NodeJS.Timeout };
const global = globalThis as unknown as { aimantRetentionScheduler?: SchedulerState };

async function tick(): Promise<void> {
  try {
    const result = await runRetentionJob({ trigger: "SCHEDULE" });
    if (result.outcome === "failed") console.error("[retention] purge failed:", result.error);
  } catch (error) {
    console.error("[retention]", error);
  }
}

/**
 * Checks every hour whether the daily purge is due and runs it (once per
 * process, kept across hot reloads; the lease makes one process of several run
 * it). The first check comes a minute after start, off the start-up path.
 */
export function startRetentionScheduler(checkEveryMs = PURGE_CHECK_INTERVAL_MS, firstCheckAfterMs = 60_000): void {
  const state = (global.aimantRetentionScheduler ??= {});
  if (state.timer) return;
  state.first = setTimeout(() => void tick(), firstCheckAfterMs);
  state.first.unref?.();
  state.timer = setInterval(() => void tick(), checkEveryMs);
  state.timer.unref?.();
}

/** The last purge run as the compliance page shows it: this organisation's counts only. */
export async function lastPurgeRunFor(organisationId: string) {
  const run = await lastPurgeRun();
  if (!run) return null;
  let counts = null;
  if (run.status === "DONE") {
    const report = JSON.parse(run.report) as Partial<PurgeReport>;
    const mine = report.organisations?.find((o) => o.organisationId === organisationId);
    counts = {
      unconfirmedEntriesDeleted: mine?.unconfirmedEntriesDeleted ?? 0,
      contactsAnonymised: (mine?.unconfirmedContactsAnonymised ?? 0) + (mine?.expiredContactsAnonymised ?? 0),
      rejectedEntriesStripped: mine?.rejectedEntriesStripped ?? 0,
    };
  }
  return { status: run.status, startedAt: run.startedAt, finishedAt: run.finishedAt, counts };
}
