import Link from "next/link";
import { getTranslations } from "next-intl/server";
import type { PublishProblem } from "@/lib/campaigns/publish-checks";

/** What blocks publishing, each with where to fix it, then the advice that does not block. */
export async function PublishProblems({ problems, warnings }: { problems: PublishProblem[]; warnings: PublishProblem[] }) {
  const t = await getTranslations("builder");
  if (problems.length === 0 && warnings.length === 0) return null;
  return (
    <div className="space-y-3">
      {problems.length > 0 && (
        <div className="rounded-md border border-red-200 bg-red-50 px-4 py-3 text-sm text-red-900" data-testid="publish-problems">
          <p className="font-semibold">{t("checks.title")}</p>
          <ul className="mt-1 list-disc space-y-1 pl-5">
            {problems.map((p) => (
              <li key={p.key}>
                {t(p.key, p.values ?? {})}
                {p.where === "organisation" && (
                  <>
                    {" "}
                    <Link href="/parametres/organisation" className="font-medium underline">
                      {t("checks.toSettings")}
                    </Link>
                  </>
                )}
              </li>
            ))}
          </ul>
        </div>
      )}
      {warnings.length > 0 && (
        <div className="rounded-md border border-amber-200 bg-amber-50 px-4 py-3 text-sm text-amber-900">
          <ul className="list-disc space-y-1 pl-5">
            {warnings.map((w) => (
              <li key={w.key}>{t(w.key, w.values ?? {})}</li>
            ))}
          </ul>
        </div>
      )}
    </div>
  );
}
