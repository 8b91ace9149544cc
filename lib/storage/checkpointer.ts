import path from "node:path";
import { Worker } from "node:worker_threads";

/**
 * The WAL's checkpoints, on a thread of their own. SQLite's automatic
 * checkpoint runs inside the COMMIT that crosses its threshold: it copies the
 * whole WAL into the database file and syncs both, synchronously, on the
 * server's only thread — every request waited behind it (the tail latency of
 * the load benchmark). Here a worker thread with its own connection copies
 * committed pages back (PASSIVE: it never blocks the writer or a reader) a
 * few times a second and whenever the writer says it committed; the writer
 * then resets the WAL by itself at its next transaction. Should the thread
 * fail, the writer checkpoints by itself again (`onStop`).
 *
 * Under steady load the writer's next transaction always begins before the
 * thread has copied the last commit back, so SQLite never resets the WAL by
 * itself: it grew until the thread's RESTART checkpoint, which holds the
 * write lock while it waits for the writer (half a second at 20,000 frames,
 * the submissions' p99). So once the WAL is long, the writer asks for a
 * drain between two transactions (`drain`): the thread copies the few frames
 * left at once, and the writer's next transaction, starting on a fully
 * copied WAL, writes it again from the beginning.
 */
const WORKER_SOURCE = `
const { parentPort, workerData } = require("node:worker_threads");
const Database = require("node:module").createRequire(workerData.base)("better-sqlite3");
const db = new Database(workerData.file, { fileMustExist: true });
// This thread may wait: nobody else runs on it.
db.pragma("busy_timeout = 2000");
db.pragma("synchronous = NORMAL");
let due = false;
// Returns whether every frame of the WAL is in the database file; tells the writer how long the WAL is.
function checkpoint() {
  due = false;
  try {
    const [r] = db.pragma("wal_checkpoint(PASSIVE)");
    if (!r) return false;
    parentPort.postMessage({ log: r.log });
    // Readers kept the WAL from being reset for too long: wait for them once (the writer retries while busy).
    if (r.log > workerData.restartFrames) db.pragma("wal_checkpoint(RESTART)");
    return r.busy === 0 && r.log === r.checkpointed;
  } catch (error) {
    if (!String(error && error.code).startsWith("SQLITE_BUSY")) throw error;
    return false;
  }
}
parentPort.on("message", (message) => {
  if (message === "close") { db.close(); process.exit(0); }
  if (message === "drain") { parentPort.postMessage({ drained: checkpoint() }); return; }
  if (!due) { due = true; setTimeout(checkpoint, workerData.delayMs); }
});
setInterval(checkpoint, workerData.intervalMs);
parentPort.postMessage("ready");
`;

export type Checkpointer = {
  committed(): void;
  /** Whether the WAL is long enough to be worth a drain before the next transaction. */
  wantsDrain(): boolean;
  /** Copies every committed frame back now; resolves once done (or after a short wait, never failing). Call holding the writer, outside a transaction. */
  drain(): Promise<void>;
  close(): void;
};

/** A WAL this long (frames of 4 KiB pages, 16 MiB: one wal-index table) is drained between two transactions; each drain pauses the writer for about one fsync. */
const DRAIN_FRAMES = 4_000;
/** The writer waits this long at most for a drain; the thread's RESTART stays the fallback. */
const DRAIN_WAIT_MS = 200;

/**
 * Starts the checkpoint thread for the database file `file`; `onReady` once
 * it runs (then the writer turns its own automatic checkpoint off), `onStop`
 * if it fails or ends (then the writer turns it back on).
 */
export function startCheckpointer(file: string, onReady: () => void, onStop: (error?: unknown) => void): Checkpointer {
  const worker = new Worker(WORKER_SOURCE, {
    eval: true,
    workerData: { file, base: path.join(process.cwd(), "package.json"), intervalMs: 500, delayMs: 20, restartFrames: 20_000 },
  });
  // A script's process may end while the thread idles.
  worker.unref();
  let running = true;
  let walFrames = 0;
  let drained: (() => void) | undefined;
  worker.on("message", (message: "ready" | { log: number } | { drained: boolean }) => {
    if (message === "ready") onReady();
    else if ("log" in message) walFrames = message.log;
    else if ("drained" in message) {
      if (message.drained) walFrames = 0;
      drained?.();
    }
  });
  const stop = (error?: unknown) => {
    if (!running) return;
    running = false;
    onStop(error);
  };
  worker.on("error", stop);
  worker.on("exit", () => stop());
  return {
    committed: () => {
      if (running) worker.postMessage("commit");
    },
    wantsDrain: () => running && walFrames > DRAIN_FRAMES,
    drain: () =>
      new Promise<void>((resolve) => {
        if (!running) return resolve();
        const timer = setTimeout(done, DRAIN_WAIT_MS);
        function done() {
          clearTimeout(timer);
          drained = undefined;
          resolve();
        }
        drained = done;
        worker.postMessage("drain");
      }),
    close: () => {
      if (!running) return;
      running = false;
      worker.postMessage("close");
    },
  };
}
