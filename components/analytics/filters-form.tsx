import { getTranslations } from "next-intl/server";
import { DIRECT_SOURCE, type AnalyticsSearch } from "@/lib/analytics/filters";
import { Input, Select } from "@/components/ui/field";
import { Button, ButtonLink } from "@/components/ui/button";

function FilterField({ id, label, children }: { id: string; label: string; children: React.ReactNode }) {
  return (
    <div className="space-y-1">
      <label htmlFor={id} className="block text-sm font-medium">
        {label}
      </label>
      {children}
    </div>
  );
}

/**
 * The dashboard's filters as a plain GET form: the URL carries them, so a
 * filtered view can be bookmarked or shared, and it works without JavaScript.
 */
export async function FiltersForm({ action, search, sources }: { action: string; search: AnalyticsSearch; sources: string[] }) {
  const t = await getTranslations("analytics.filters");
  return (
    <form method="get" action={action} className="no-print rounded-lg border border-line bg-white p-4 shadow-sm" data-testid="analytics-filters">
      <fieldset className="grid grid-cols-2 items-end gap-3 sm:flex sm:flex-wrap">
        <legend className="col-span-2 mb-2 text-sm font-semibold">{t("legend")}</legend>
        <FilterField id="f-from" label={t("from")}>
          <Input id="f-from" type="date" name="from" defaultValue={search.from ?? ""} className="w-full sm:w-40" />
        </FilterField>
        <FilterField id="f-to" label={t("to")}>
          <Input id="f-to" type="date" name="to" defaultValue={search.to ?? ""} className="w-full sm:w-40" />
        </FilterField>
        <FilterField id="f-source" label={t("source")}>
          <Select id="f-source" name="source" defaultValue={search.source ?? ""} className="w-full sm:w-52">
            <option value="">{t("allSources")}</option>
            {sources.map((s) => (
              <option key={s} value={s}>
                {s === DIRECT_SOURCE ? t("direct") : s}
              </option>
            ))}
          </Select>
        </FilterField>
        <FilterField id="f-granularity" label={t("granularity")}>
          <Select id="f-granularity" name="granularity" defaultValue={search.granularity ?? ""} className="w-full sm:w-40">
            <option value="">{t("auto")}</option>
            <option value="day">{t("day")}</option>
            <option value="hour">{t("hour")}</option>
          </Select>
        </FilterField>
        <div className="col-span-2 flex gap-2">
          <Button type="submit">{t("apply")}</Button>
          <ButtonLink href={action} variant="secondary">
            {t("reset")}
          </ButtonLink>
        </div>
      </fieldset>
    </form>
  );
}
