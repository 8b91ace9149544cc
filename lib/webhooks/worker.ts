import "server-only";
import { deliverWebhooks } from "./deliver";

type WorkerState = { timer?: NodeJS.Timeout; running: boolean; again: boolean };
const global = globalThis as unknown as { aimantWebhookWorker?: WorkerState };

function state(): WorkerState {
  return (global.aimantWebhookWorker ??= { running: false, again: false });
}

/** One pass over the due deliveries; passes never overlap in a process (a kick during a pass runs another right after). */
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
      // The schedule lives in the rows (nextAttemptAt, claims): another instance or a restart keeps it.
      await deliverWebhooks();
    } while (s.again);
  } catch (error) {
    console.error("[webhooks]", error);
  } finally {
    s.running = false;
  }
}

/**
 * Polls the due deliveries about every second (once per process, kept across
 * hot reloads): a withdrawal reaches the CRM within seconds. Deliveries are
 * written in the transaction of their event and leave from here only.
 */
export function startWebhookWorker(intervalMs = 1000): void {
  const s = state();
  if (s.timer) return;
  s.timer = setInterval(() => void pass(), intervalMs);
  s.timer.unref?.();
}

/** Asks for a pass now (after a replay or a resume), instead of waiting for the next tick. */
export function kickWebhooks(): void {
  setTimeout(() => void pass(), 0).unref?.();
}
