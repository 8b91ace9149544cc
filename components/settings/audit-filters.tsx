import Link from "next/link";
import { getTranslations } from "next-intl/server";
import type { AuditFilters } from "@/lib/audit/filters";
import { buttonClass } from "@/components/ui/button";
import { Input, Select } from "@/components/ui/field";

type Options = { actions: string[]; people: { id: string; name: string }[]; actors: readonly string[] };

/** The audit log's filters: a plain GET form, so they live in the URL and the server applies them. */
export async function AuditFiltersForm({ filters, options }: { filters: AuditFilters; options: Options }) {
  const t = await getTranslations("audit");
  const label = "block text-xs font-medium text-muted";
  return (
    <form method="get" className="mb-4 grid grid-cols-2 gap-3 rounded-lg border border-line bg-white p-4 md:grid-cols-5" role="search" aria-label={t("filters")}>
      <label className={label}>
        {t("filterAction")}
        <Select name="action" defaultValue={filters.action ?? ""}>
          <option value="">{t("anyAction")}</option>
          {options.actions.map((a) => (
            <option key={a} value={a}>
              {a}
            </option>
          ))}
        </Select>
      </label>
      <label className={label}>
        {t("filterPerson")}
        <Select name="person" defaultValue={filters.person ?? ""}>
          <option value="">{t("anyPerson")}</option>
          {options.people.map((p) => (
            <option key={p.id} value={p.id}>
              {p.name}
            </option>
          ))}
          {options.actors.map((a) => (
            <option key={a} value={a}>
              {t(`actors.${a}`)}
            </option>
          ))}
        </Select>
      </label>
      <label className={label}>
        {t("filterFrom")}
        <Input type="date" name="from" defaultValue={filters.from ?? ""} />
      </label>
      <label className={label}>
        {t("filterTo")}
        <Input type="date" name="to" defaultValue={filters.to ?? ""} />
      </label>
      <div className="col-span-2 flex items-end gap-3 md:col-span-1">
        <button type="submit" className={buttonClass("primary")}>
          {t("apply")}
        </button>
        <Link href="/parametres/audit" className="text-sm text-brand underline">
          {t("reset")}
        </Link>
      </div>
    </form>
  );
}
