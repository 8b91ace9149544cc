/**
 * SQLITE_BUSY (another process holds the lock) waited out asynchronously: the
 * server's connections have busy_timeout 0, because better-sqlite3's own wait
 * is synchronous and would stall every request of the process.
 */
export function isBusy(error: unknown): boolean {
  const e = error as { code?: unknown; cause?: { originalCode?: unknown } } | null;
  const code = e?.code ?? e?.cause?.originalCode;
  return typeof code === "string" && code.startsWith("SQLITE_BUSY");
}

/** How long a statement or a BEGIN keeps retrying while another process holds the lock. */
export const BUSY_WAIT_MS = 30_000;

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** Runs `attempt` until it does not fail with SQLITE_BUSY (backoff 1, 2, 4 … 50 ms), for at most BUSY_WAIT_MS. */
export async function retryWhileBusy<T>(attempt: () => T | Promise<T>, waitMs = BUSY_WAIT_MS): Promise<T> {
  const started = Date.now();
  for (let round = 0; ; round++) {
    try {
      return await attempt();
    } catch (error) {
      if (!isBusy(error) || Date.now() - started > waitMs) throw error;
      await sleep(Math.min(2 ** round, 50));
    }
  }
}
