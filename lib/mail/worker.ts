import "server-only";
import { deliverOutbox } from "./sender";
import { retryDelayMs } from "./retry";

type WorkerState = { timer?: NodeJS.Timeout; running: boolean; again: boolean; retryAt: Map<string, number> };
const global = globalThis as unknown as { aimantOutboxWorker?: WorkerState };

function state(): WorkerState {
  return (global.aimantOutboxWorker ??= { running: false, again: false, retryAt: new Map() });
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
      const now = Date.now();
      await deliverOutbox({
        skip: (id) => (s.retryAt.get(id) ?? 0) > now,
        onFailure: (id, attempts) => s.retryAt.set(id, Date.now() + retryDelayMs(attempts)),
      });
      if (s.retryAt.size > 10_000) s.retryAt.clear();
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
export function retryNow(mailId: string): void {
  state().retryAt.delete(mailId);
  kickOutbox();
}
