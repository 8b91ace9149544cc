import { getTranslations } from "next-intl/server";

/** What a leads, draw or export page shows while its data loads. */
export async function PageLoading() {
  const t = await getTranslations("common");
  return (
    <div role="status" className="space-y-4">
      <p className="text-muted">{t("loading")}</p>
      <div className="h-28 rounded-lg border border-line bg-white motion-safe:animate-pulse" aria-hidden="true" />
      <div className="h-64 rounded-lg border border-line bg-white motion-safe:animate-pulse" aria-hidden="true" />
    </div>
  );
}
