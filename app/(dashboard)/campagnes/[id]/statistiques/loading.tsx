import { getTranslations } from "next-intl/server";

export default async function StatisticsLoading() {
  const t = await getTranslations("analytics");
  return (
    <div role="status" className="space-y-4">
      <p className="text-muted">{t("loading")}</p>
      <div className="grid grid-cols-2 gap-3 md:grid-cols-4" aria-hidden="true">
        {[0, 1, 2, 3].map((i) => (
          <div key={i} className="h-24 rounded-lg border border-line bg-white motion-safe:animate-pulse" />
        ))}
      </div>
      <div className="h-64 rounded-lg border border-line bg-white motion-safe:animate-pulse" aria-hidden="true" />
    </div>
  );
}
