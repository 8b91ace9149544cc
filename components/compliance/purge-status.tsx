import { getFormatter, getTranslations } from "next-intl/server";

type PurgeRunView = {
  status: string;
  startedAt: Date;
  finishedAt: Date | null;
  /** This organisation's share of the run's report */
  counts: { unconfirmedEntriesDeleted: number; contactsAnonymised: number; rejectedEntriesStripped: number } | null;
} | null;

/** The last run of the daily retention purge, so the DPO sees that the notice's promises are kept. */
export async function PurgeStatus({ run }: { run: PurgeRunView }) {
  const [t, format] = await Promise.all([getTranslations("compliance.purge"), getFormatter()]);
  const when = (d: Date) => format.dateTime(d, { dateStyle: "medium", timeStyle: "short" });
  return (
    <p className="mb-4 text-sm text-muted" data-testid="purge-status">
      {!run
        ? t("never")
        : run.status === "DONE" && run.counts
          ? t("done", { when: when(run.startedAt), deleted: run.counts.unconfirmedEntriesDeleted, anonymised: run.counts.contactsAnonymised, rejected: run.counts.rejectedEntriesStripped })
          : run.status === "RUNNING"
            ? t("running", { when: when(run.startedAt) })
            : t("failed", { when: when(run.startedAt) })}
    </p>
  );
}
