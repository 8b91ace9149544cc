import "server-only";
import { keepUnsentMails } from "./outbox";
import { deliverOutbox, smtpTransport } from "./sender";
import { db } from "@/lib/db";
import { poller } from "@/lib/jobs/poller";

// Mails are written in the transaction of what causes them and leave from here, so a crash never loses or invents one.
const outbox = poller("aimant.outboxWorker", "[outbox]", deliverOutbox);

export const startOutboxWorker = (intervalMs = 1000): void => {
  if (!smtpTransport()) keepUnsentMails();
  outbox.start(intervalMs);
};

/** Asks for a pass now (after a commit that queued a mail), instead of waiting for the next tick. */
export const kickOutbox = (): void => outbox.kick();

/** Sends a mail put back in the queue by hand at the next pass, forgetting its old retry delay. */
export async function retryNow(mailId: string): Promise<void> {
  await db.outboxMail.updateMany({ where: { id: mailId, status: "QUEUED" }, data: { nextAttemptAt: new Date() } });
  kickOutbox();
}
