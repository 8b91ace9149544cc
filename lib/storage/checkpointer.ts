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
 */
const WORKER_SOURCE = `
const { parentPort, workerData } = require("node:worker_threads");
const Database = require("node:module").createRequire(workerData.base)("better-sqlite3");
const db = new Database(workerData.file, { fileMustExist: true });
// This thread may wait: nobody else runs on it.
db.pragma("busy_timeout = 2000");
db.pragma("synchronous = NORMAL");
let due = false;
function checkpoint() {
  due = false;
  try {
    const [r] = db.pragma("wal_checkpoint(PASSIVE)");
    // Readers kept the WAL from being reset for too long: wait for them once (the writer retries while busy).
    if (r && r.log > workerData.restartFrames) db.pragma("wal_checkpoint(RESTART)");
  } catch (error) {
    if (!String(error && error.code).startsWith("SQLITE_BUSY")) throw error;
  }
}
parentPort.on("message", (message) => {
  if (message === "close") { db.close(); process.exit(0); }
  if (!due) { due = true; setTimeout(checkpoint, workerData.delayMs); }
});
setInterval(checkpoint, workerData.intervalMs);
parentPort.postMessage("ready");
`;

export type Checkpointer = { committed(): void; close(): void };

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
  worker.on("message", (message) => {
    if (message === "ready") onReady();
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
    close: () => {
      if (!running) return;
      running = false;
      worker.postMessage("close");
    },
  };
}
