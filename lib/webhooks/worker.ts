import "server-only";
import { poller } from "@/lib/jobs/poller";
import { deliverWebhooks } from "./deliver";

// Deliveries are written in the transaction of their event and leave from here only; polled about every second,
// a withdrawal reaches the CRM within seconds.
const webhooks = poller("aimant.webhookWorker", "[webhooks]", deliverWebhooks);

export const startWebhookWorker = (intervalMs = 1000): void => webhooks.start(intervalMs);

/** Asks for a pass now (after a replay or a resume), instead of waiting for the next tick. */
export const kickWebhooks = (): void => webhooks.kick();
