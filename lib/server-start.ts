import "server-only";
import { env, EnvError } from "@/lib/env";

/**
 * What a Node server instance starts with (instrumentation.ts calls it once): the settings checked first, then
 * the form page's memory and the background workers the settings turn on.
 */
export async function startServerInstance(): Promise<void> {
  let settings;
  try {
    settings = env();
  } catch (error) {
    // Fail fast with the list of bad variables, not a stack trace on the first request.
    if (!(error instanceof EnvError)) throw error;
    console.error(error.message);
    process.exit(1);
  }
  // scripts/server.mjs serves the form page from memory through this (lib/submission/form-page-document.ts).
  const { publishFormPageDocument } = await import("@/lib/submission/form-page-document");
  publishFormPageDocument();
  // The retention purge runs daily by itself: the notice's promises need no scheduler to set up.
  if (settings.AIMANT_RETENTION_SCHEDULER === "on") {
    const { startRetentionScheduler } = await import("@/lib/retention/scheduler");
    startRetentionScheduler();
  }
  // CRM webhooks leave from their own worker (same pattern as the outbox's: claims in the database).
  if (settings.AIMANT_WEBHOOK_WORKER === "on") {
    const { startWebhookWorker } = await import("@/lib/webhooks/worker");
    startWebhookWorker();
  }
  // Daily digests of new entries: each day's digest is claimed in the database, so every instance may look.
  if (settings.AIMANT_DIGEST_WORKER === "on") {
    const { startDigestWorker } = await import("@/lib/digest/worker");
    startDigestWorker();
  }
  if (settings.AIMANT_OUTBOX_WORKER === "off") return;
  const { startOutboxWorker } = await import("@/lib/mail/worker");
  startOutboxWorker();
}
