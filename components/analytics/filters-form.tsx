import { getTranslations } from "next-intl/server";
import { DIRECT_SOURCE, type AnalyticsSearch } from "@/lib/analytics/filters";
import { Input, Select } from "@/components/ui/field";
import { Button, ButtonLink } from "@/components/ui/button";

/**
 * The dashboard's filters as a plain GET form: the URL carries them, so a
 * filtered view can be bookmarked or shared, and it works without JavaScript.
 */
export async function FiltersForm({ action, search, sources }: { action: string; search: AnalyticsSearch; sources: string[] }) {
  const t = await getTranslations("analytics.filters");
  return (
    <form method="get" action={action} className="no-print rounded-lg border border-line bg-white p-4 shadow-sm" data-testid="analytics-filters">
      <fieldset className="flex flex-wrap items-end gap-3">
        <legend className="mb-2 text-sm font-semibold">{t("legend")}</legend>
        <div className="space-y-1">
          <label htmlFor="f-from" className="block text-sm font-medium">
            {t("from")}
          </label>
          <Input id="f-from" type="date" name="from" defaultValue={search.from ?? ""} className="w-40" />
        </div>
        <div className="space-y-1">
          <label htmlFor="f-to" className="block text-sm font-medium">
            {t("to")}
          </label>
          <Input id="f-to" type="date" name="to" defaultValue={search.to ?? ""} className="w-40" />
        </div>
        <div className="space-y-1">
          <label htmlFor="f-source" className="block text-sm font-medium">
            {t("source")}
          </label>
          <Select id="f-source" name="source" defaultValue={search.source ?? ""} className="w-52">
            <option value="">{t("allSources")}</option>
            {sources.map((s) => (
              <option key={s} value={s}>
                {s === DIRECT_SOURCE ? t("direct") : s}
              </option>
            ))}
          </Select>
        </div>
        <div className="space-y-1">
          <label htmlFor="f-granularity" className="block text-sm font-medium">
            {t("granularity")}
          </label>
          <Select id="f-granularity" name="granularity" defaultValue={search.granularity ?? ""} className="w-40">
            <option value="">{t("auto")}</option>
            <option value="day">{t("day")}</option>
            <option value="hour">{t("hour")}</option>
          </Select>
        </div>
        <div className="flex gap-2">
          <Button type="submit">{t("apply")}</Button>
          <ButtonLink href={action} variant="secondary">
            {t("reset")}
          </ButtonLink>
        </div>
      </fieldset>
    </form>
  );
}
