import "server-only";
import { deliverOutbox } from "./sender";
import { db } from "@/lib/db";

type WorkerState = { timer?: NodeJS.Timeout; running: boolean; again: boolean };
const global = globalThis as unknown as { aimantOutboxWorker?: WorkerState };

function state(): WorkerState {
  return (global.aimantOutboxWorker ??= { running: false, again: false });
}

/** One pass over the outbox; passes never overlap (a kick during a pass runs another right after). */
async function pass(): Promise<void> {
  const s = state();
  if (s.running) {
    s.again = true;
    return;
  }
  s.running = true;
  try {
    do {
      s.again = false;
      // The retry schedule lives in the rows (nextAttemptAt): a restart or another instance keeps it.
      await deliverOutbox();
    } while (s.again);
  } catch (error) {
    console.error("[outbox]", error);
  } finally {
    s.running = false;
  }
}

/**
 * Starts polling the outbox about every second (once per process, kept across
 * hot reloads). Mails are written in the transaction of what causes them and
 * leave from here, so a crash never loses or invents one.
 */
export function startOutboxWorker(intervalMs = 1000): void {
  const s = state();
  if (s.timer) return;
  s.timer = setInterval(() => void pass(), intervalMs);
  s.timer.unref?.();
}

/** Asks for a pass now (after a commit that queued a mail), instead of waiting for the next tick. */
export function kickOutbox(): void {
  setTimeout(() => void pass(), 0).unref?.();
}

/** Sends a mail put back in the queue by hand at the next pass, forgetting its old retry delay. */
export async function retryNow(mailId: string): Promise<void> {
  await db.outboxMail.updateMany({ where: { id: mailId, status: "QUEUED" }, data: { nextAttemptAt: new Date() } });
  kickOutbox();
}
