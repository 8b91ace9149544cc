import "server-only";
import { db } from "@/lib/db";

/**
 * Takes the lease of `job` for `ttlMs`, unless another holder has it and it has
 * not expired. Each step is one conditional statement, so two processes racing
 * cannot both get it: the first INSERT wins, or the UPDATE of an expired (or
 * our own) lease matches one row for one of them only.
 */
export async function acquireLease(job: string, holder: string, ttlMs: number, now = new Date()): Promise<boolean> {
  const expiresAt = new Date(now.getTime() + ttlMs);
  const taken = await db.jobLease.updateMany({ where: { job, OR: [{ expiresAt: { lte: now } }, { holder }] }, data: { holder, expiresAt } });
  if (taken.count === 1) return true;
  try {
    await db.jobLease.create({ data: { job, holder, expiresAt } });
    return true;
  } catch (error) {
    // P2002: the row exists, held by someone else (or another process created it just now).
    if ((error as { code?: string }).code === "P2002") return false;
    throw error;
  }
}

/** Gives the lease back (only if we still hold it), so the next runner need not wait for it to expire. */
export async function releaseLease(job: string, holder: string, now = new Date()): Promise<void> {
  await db.jobLease.updateMany({ where: { job, holder }, data: { expiresAt: now } });
}
