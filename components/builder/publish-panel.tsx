"use client";
import Link from "next/link";
import { useTranslations } from "next-intl";
import { publishProblems, publishWarnings, type PublishProblem } from "@/lib/campaigns/publish-checks";
import { checkInputOfDraft, type DraftContext } from "@/lib/campaigns/publish-draft";
import { useBuilderDraft } from "./builder-draft";
import { LifecycleActions } from "./lifecycle-actions";

/** Where each problem the builder fixes is fixed: the field "Corriger" takes the marketer to. */
const FIELD_OF: Record<string, string> = {
  "checks.prize": "prize",
  "checks.rules": "rulesText",
  "checks.winners": "winnersCount",
  "checks.dates": "closesAt",
  "checks.closesInPast": "closesAt",
  "checks.retention": "retentionMonths",
  "checks.partners": "partners",
  "checks.reward": "rewardUrl",
  "checks.birthDate": "add-type-0",
};

type Props = {
  campaignId: string;
  status: string;
  open: boolean;
  /** The server's checks of the saved campaign: shown until the builder shares its draft */
  saved: { problems: PublishProblem[]; warnings: PublishProblem[] };
  context: DraftContext;
};

/**
 * The publish checklist, run on what is being typed with the server's own checks (publishProblems), and the
 * lifecycle buttons: "Publier" stays disabled, with the list as its reasons, until nothing blocks.
 */
export function PublishPanel({ campaignId, status, open, saved, context }: Props) {
  const t = useTranslations("builder");
  const draft = useBuilderDraft();
  const input = draft?.values ? checkInputOfDraft(draft.values, context) : undefined;
  const problems = input ? publishProblems(input) : saved.problems;
  const warnings = input ? publishWarnings(input) : saved.warnings;
  const editable = status === "DRAFT" || status === "PUBLISHED";

  function focusField(id: string) {
    const field = document.getElementById(id);
    field?.scrollIntoView({ block: "center" });
    field?.focus({ preventScroll: true });
  }

  return (
    <div className="space-y-3">
      {editable && (
        <section aria-labelledby="publish-checklist-title" className="rounded-md border border-line px-4 py-3 text-sm" id="publish-checklist">
          <h3 id="publish-checklist-title" className="font-semibold">
            {t(status === "DRAFT" ? "checklist.titleDraft" : "checklist.titlePublished")}
            {problems.length > 0 && <span className="ml-2 font-normal text-muted">({t("checklist.remaining", { count: problems.length })})</span>}
          </h3>
          {problems.length === 0 ? (
            <p className="mt-1 text-green-800" data-testid="publish-ready">
              ✓ {t(status === "DRAFT" ? "checklist.ready" : "checklist.readyPublished")}
            </p>
          ) : (
            <ul className="mt-2 space-y-1" data-testid="publish-problems">
              {problems.map((p) => (
                <li key={p.key} className="flex flex-wrap items-baseline gap-x-2 text-red-900">
                  <span aria-hidden="true">○</span>
                  <span>{t(p.key, p.values ?? {})}</span>
                  {p.where === "organisation" ? (
                    <Link href="/parametres/organisation" className="font-medium underline">
                      {t("checks.toSettings")}
                    </Link>
                  ) : (
                    FIELD_OF[p.key] && (
                      <button type="button" className="font-medium underline" onClick={() => focusField(FIELD_OF[p.key]!)}>
                        {t("checklist.fix")}
                      </button>
                    )
                  )}
                </li>
              ))}
            </ul>
          )}
        </section>
      )}
      {warnings.length > 0 && (
        <ul className="list-disc space-y-1 rounded-md border border-amber-200 bg-amber-50 py-3 pr-4 pl-9 text-sm text-amber-900">
          {warnings.map((w) => (
            <li key={w.key}>{t(w.key, w.values ?? {})}</li>
          ))}
        </ul>
      )}
      <LifecycleActions
        campaignId={campaignId}
        status={status}
        open={open}
        publish={{
          blocked: problems.length > 0,
          describedBy: problems.length > 0 ? "publish-checklist" : undefined,
          // Ready but unsaved: "Publier" saves first, so what is published is what the checklist judged.
          beforePublish: draft?.dirty ? draft.save : undefined,
          problemsKey: problems.map((p) => p.key).join(","),
        }}
      />
    </div>
  );
}
