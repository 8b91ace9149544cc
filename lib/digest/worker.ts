import "server-only";
import { poller } from "@/lib/jobs/poller";
import { kickOutbox } from "@/lib/mail/worker";
import { runDigests } from "./send";
import { DIGEST_CHECK_INTERVAL_MS } from "./schedule";

// The daily digests: the day's claim lives in the database, so any number of instances may run this.
const digests = poller("aimant.digestWorker", "[digest]", async () => {
  const report = await runDigests();
  if (report.sent > 0) kickOutbox();
});

export const startDigestWorker = (intervalMs = DIGEST_CHECK_INTERVAL_MS): void => digests.start(intervalMs);
