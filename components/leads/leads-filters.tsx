import { getTranslations } from "next-intl/server";
import type { LeadFilters } from "@/lib/leads/filters";
import type { leadFilterOptions } from "@/lib/leads/queries";
import { Button, ButtonLink } from "@/components/ui/button";
import { Field, Input, Select } from "@/components/ui/field";
import { segmentNamer } from "@/components/analytics/segment-name";

type Options = Awaited<ReturnType<typeof leadFilterOptions>>;

/** The filter form: a plain GET form, so filters live in the URL (shareable, back button works, no client JS). */
export async function LeadsFilters({ filters, options, basePath }: { filters: LeadFilters; options: Options; basePath: string }) {
  const [t, segmentName] = await Promise.all([getTranslations("leads"), segmentNamer()]);
  const scores = [1, 2, 3, 4, 5];
  type Choice = { value: string; label: string; group?: string };
  const optionsOf = (values: Choice[]) =>
    values.map((v) => (
      <option key={v.value} value={v.value}>
        {v.label}
      </option>
    ));
  // Choices that name a group (a purpose's campaign) are listed under it, so each option can read its own words.
  const grouped = (values: Choice[]) =>
    values.some((v) => v.group)
      ? [...new Set(values.map((v) => v.group ?? ""))].map((group) => (
          <optgroup key={group} label={group}>
            {optionsOf(values.filter((v) => (v.group ?? "") === group))}
          </optgroup>
        ))
      : optionsOf(values);
  const select = (name: keyof LeadFilters, label: string, values: Choice[]) => (
    <Field id={`filter-${name}`} label={label}>
      <Select id={`filter-${name}`} name={name} defaultValue={String(filters[name] ?? "")}>
        <option value="">{t("any")}</option>
        {grouped(values)}
      </Select>
    </Field>
  );
  const shortened = (text: string) => (text.length > 70 ? `${text.slice(0, 70)}…` : text);
  return (
    <form method="get" action={basePath} className="mb-6 space-y-4 rounded-lg border border-line bg-white p-4" role="search" aria-label={t("filters")}>
      <div className="grid gap-4 sm:grid-cols-2 lg:grid-cols-4">
        <div className="sm:col-span-2">
          <Field id="filter-q" label={t("search")}>
            <Input id="filter-q" name="q" type="search" defaultValue={filters.q ?? ""} placeholder={t("searchPlaceholder")} />
          </Field>
        </div>
        {options.campaigns.length > 0 && select("campaign", t("campaign"), options.campaigns.map((c) => ({ value: c.id, label: c.title })))}
        {select("segment", t("segment"), options.segments.map((s) => ({ value: s, label: segmentName(s) })))}
        {select(
          "purpose",
          t("purpose"),
          // On a campaign's own leads page every purpose is that campaign's: no groups.
          options.purposes.map((p) => ({ value: p.id, label: shortened(p.wording), group: options.campaigns.length > 0 ? p.campaignTitle : undefined })),
        )}
        {select("confirmed", t("confirmed"), [
          { value: "yes", label: t("yes") },
          { value: "no", label: t("no") },
        ])}
        {select("draw", t("drawStatus"), (["winner", "alternate", "loser"] as const).map((s) => ({ value: s, label: t(`status.${s}`) })))}
        {select("source", t("source"), options.sources.map((s) => ({ value: s, label: s === "direct" ? t("direct") : s })))}
        {select("r", t("recency"), scores.map((s) => ({ value: String(s), label: String(s) })))}
        {select("f", t("frequency"), scores.map((s) => ({ value: String(s), label: String(s) })))}
        {select("m", t("monetary"), scores.map((s) => ({ value: String(s), label: String(s) })))}
        <Field id="filter-from" label={t("from")}>
          <Input id="filter-from" name="from" type="date" defaultValue={filters.from ?? ""} />
        </Field>
        <Field id="filter-to" label={t("to")}>
          <Input id="filter-to" name="to" type="date" defaultValue={filters.to ?? ""} />
        </Field>
      </div>
      {filters.sort !== "submittedAt" && <input type="hidden" name="sort" value={filters.sort} />}
      {filters.dir !== "desc" && <input type="hidden" name="dir" value={filters.dir} />}
      <div className="flex flex-wrap gap-2">
        <Button type="submit">{t("apply")}</Button>
        <ButtonLink href={basePath} variant="ghost">
          {t("reset")}
        </ButtonLink>
      </div>
    </form>
  );
}
