// Next.js calls register() once when a server instance starts.
export async function register() {
  // The outbox worker needs Node (SQLite, SMTP); the edge runtime has neither.
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  // The retention purge runs daily by itself: the notice's promises need no scheduler to set up.
  if (process.env.AIMANT_RETENTION_SCHEDULER !== "off") {
    const { startRetentionScheduler } = await import("@/lib/retention/scheduler");
    startRetentionScheduler();
  }
  if (process.env.AIMANT_OUTBOX_WORKER === "off") return;
  const { startOutboxWorker } = await import("@/lib/mail/worker");
  startOutboxWorker();
}
