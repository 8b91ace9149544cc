// The retention job from the command line (`npm run purge`), e.g. from cron:
// prints what it did as JSON and exits non-zero on failure.
import { runPurge } from "@/lib/retention/purge";
import { db } from "@/lib/db";

try {
  const report = await runPurge();
  console.log(JSON.stringify(report, null, 2));
  const t = report.totals;
  console.error(`purge: ${t.unconfirmedEntriesDeleted} unconfirmed entries deleted, ${t.unconfirmedContactsAnonymised + t.expiredContactsAnonymised} contacts anonymised`);
} catch (error) {
  console.error(error);
  process.exitCode = 1;
} finally {
  await db.$disconnect();
}
