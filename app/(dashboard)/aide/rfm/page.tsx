import { getTranslations } from "next-intl/server";
import { requireUser } from "@/lib/auth/session";
import { SEGMENT_GRID, SEGMENT_KEYS, SEGMENTS } from "@/lib/rfm/segments";
import { Card, PageHeader } from "@/components/ui/card";

const TONE: Record<string, string> = {
  champions: "bg-green-100 text-green-900",
  loyal: "bg-green-50 text-green-900",
  potentialLoyalists: "bg-teal-50 text-teal-900",
  new: "bg-sky-50 text-sky-900",
  promising: "bg-blue-50 text-blue-900",
  needsAttention: "bg-amber-50 text-amber-900",
  atRisk: "bg-orange-100 text-orange-900",
  hibernating: "bg-stone-100 text-stone-800",
  lost: "bg-red-50 text-red-900",
};

/** The RFM mapping, rendered from the code that applies it (lib/rfm/segments.ts), so the help cannot drift from it. */
export default async function RfmHelpPage() {
  await requireUser();
  const t = await getTranslations("analytics");
  const rows = [5, 4, 3, 2, 1];
  return (
    <div className="space-y-6">
      <PageHeader title={t("help.title")} lead={t("help.lead")} />
      <Card>
        <h2 className="text-lg font-semibold">{t("help.scoresTitle")}</h2>
        <p className="mt-2 max-w-3xl">{t("help.scores")}</p>
        <h2 className="mt-5 text-lg font-semibold">{t("help.fmTitle")}</h2>
        <p className="mt-2 max-w-3xl">{t("help.fm")}</p>
      </Card>
      <Card>
        <h2 className="mb-3 text-lg font-semibold">{t("help.gridTitle")}</h2>
        <div className="overflow-x-auto">
          <table className="min-w-full border-collapse text-sm" data-testid="rfm-grid">
            <caption className="mb-2 text-left text-muted">{t("help.gridCaption")}</caption>
            <thead>
              <tr>
                <th scope="col" className="border border-line bg-surface px-3 py-2 text-left">
                  {t("help.rHeader")}
                </th>
                {[1, 2, 3, 4, 5].map((fm) => (
                  <th key={fm} scope="col" className="border border-line bg-surface px-3 py-2">
                    FM {fm}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => (
                <tr key={r}>
                  <th scope="row" className="border border-line bg-surface px-3 py-2 text-left">
                    R {r}
                  </th>
                  {SEGMENT_GRID[r]!.map((segment, i) => {
                    const key = SEGMENT_KEYS[segment];
                    return (
                      <td key={i} className={`border border-line px-3 py-2 text-center ${TONE[key] ?? ""}`}>
                        {t(`segments.${key}`)}
                      </td>
                    );
                  })}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </Card>
      <Card>
        <h2 className="mb-3 text-lg font-semibold">{t("help.meaningTitle")}</h2>
        <dl className="grid gap-3 md:grid-cols-2">
          {SEGMENTS.map((segment) => {
            const key = SEGMENT_KEYS[segment];
            return (
              <div key={segment} className={`rounded-md px-3 py-2 ${TONE[key] ?? ""}`}>
                <dt className="font-semibold">{t(`segments.${key}`)}</dt>
                <dd className="text-sm">{t(`segmentAdvice.${key}`)}</dd>
              </div>
            );
          })}
        </dl>
      </Card>
      <Card>
        <h2 className="text-lg font-semibold">{t("help.missingTitle")}</h2>
        <p className="mt-2 max-w-3xl">{t("help.missing")}</p>
      </Card>
    </div>
  );
}
