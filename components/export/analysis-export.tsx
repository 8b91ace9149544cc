import { getTranslations } from "next-intl/server";
import { buttonClass } from "@/components/ui/button";
import { Card } from "@/components/ui/card";

/** The analysis export: every response as XLSX or CSV, plain download links (the route streams the file). */
export async function AnalysisExport({ campaignId }: { campaignId: string }) {
  const t = await getTranslations("export.analysis");
  const base = `/api/campaigns/${campaignId}/export/analysis`;
  return (
    <Card>
      <h2 className="font-semibold">{t("title")}</h2>
      <p className="mt-1 max-w-3xl text-sm text-muted">{t("lead")}</p>
      <div className="mt-4 flex flex-wrap gap-3">
        <a href={`${base}?format=xlsx`} className={buttonClass("primary")} download>
          {t("downloadXlsx")}
        </a>
        <a href={`${base}?format=csv`} className={buttonClass("secondary")} download>
          {t("downloadCsv")}
        </a>
      </div>
    </Card>
  );
}
