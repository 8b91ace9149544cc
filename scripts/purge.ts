// The retention job from the command line (`npm run purge`), e.g. from cron:
// prints what it did as JSON and exits non-zero on failure.
// (The app itself runs it daily; this is for a manual run. It takes the same lease and is recorded the same way.)
import { runRetentionJob } from "@/lib/retention/scheduler";
import { db } from "@/lib/db";

try {
  const result = await runRetentionJob({ trigger: "CLI", force: true });
  if (result.outcome === "failed") throw new Error(result.error);
  if (result.outcome !== "ran") throw new Error("Another runner holds the purge: try again later.");
  const report = result.report;
  console.log(JSON.stringify(report, null, 2));
  const t = report.totals;
  console.error(`purge: ${t.unconfirmedEntriesDeleted} unconfirmed entries deleted, ${t.unconfirmedContactsAnonymised + t.expiredContactsAnonymised} contacts anonymised, ${t.rejectedEntriesStripped} rejected entries stripped`);
} catch (error) {
  console.error(error);
  process.exitCode = 1;
} finally {
  await db.$disconnect();
}
