import "server-only";

type PollerState = { timer?: NodeJS.Timeout; running: boolean; again: boolean };

/**
 * A job that polls its rows about every `intervalMs` (the schedule lives in
 * the rows, so a restart or another instance keeps it): once per process,
 * kept across hot reloads under `key`; passes never overlap (a kick during a
 * pass runs another right after); a failing pass is logged under `label`.
 */
export function poller(key: string, label: string, work: () => Promise<unknown>) {
  const global = globalThis as unknown as Record<symbol, PollerState | undefined>;
  const state = () => (global[Symbol.for(key)] ??= { running: false, again: false });

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
        await work();
      } while (s.again);
    } catch (error) {
      console.error(label, error);
    } finally {
      s.running = false;
    }
  }

  return {
    start(intervalMs = 1000): void {
      const s = state();
      if (s.timer) return;
      s.timer = setInterval(() => void pass(), intervalMs);
      s.timer.unref?.();
    },
    /** A pass now, instead of waiting for the next tick. */
    kick(): void {
      setTimeout(() => void pass(), 0).unref?.();
    },
  };
}
