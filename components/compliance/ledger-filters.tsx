import { getTranslations } from "next-intl/server";
import { LEDGER_ACTIONS, LEDGER_METHODS, type LedgerFilters as Filters } from "@/lib/consent/filters";
import { buttonClass } from "@/components/ui/button";
import { Input, Select } from "@/components/ui/field";

/** The ledger's filter form: a plain GET form, so filters live in the URL (shareable, back button works). */
type CampaignWithPurposes = { id: string; title: string; purposes: { id: string; versions: { wording: string }[] }[] };

/** A purpose's label in a list: the start of its current wording. */
const shortWording = (wording: string) => (wording.length > 70 ? `${wording.slice(0, 69)}…` : wording);

export async function LedgerFilters({ filters, campaigns }: { filters: Filters; campaigns: CampaignWithPurposes[] }) {
  const [t, tc] = await Promise.all([getTranslations("compliance.ledger"), getTranslations("consent")]);
  const label = "block text-xs font-medium text-muted";
  return (
    <form method="get" className="mb-4 grid grid-cols-2 gap-3 rounded-lg border border-line bg-white p-4 md:grid-cols-4" role="search" aria-label={t("filters")}>
      <label className={label}>
        {t("action")}
        <Select name="action" defaultValue={filters.action ?? ""}>
          <option value="">{t("all")}</option>
          {LEDGER_ACTIONS.map((a) => (
            <option key={a} value={a}>
              {tc(`actions.${a}`)}
            </option>
          ))}
        </Select>
      </label>
      <label className={label}>
        {t("method")}
        <Select name="method" defaultValue={filters.method ?? ""}>
          <option value="">{t("all")}</option>
          {LEDGER_METHODS.map((m) => (
            <option key={m} value={m}>
              {tc(`methods.${m}`)}
            </option>
          ))}
        </Select>
      </label>
      <label className={label}>
        {t("campaign")}
        <Select name="campaignId" defaultValue={filters.campaignId ?? ""}>
          <option value="">{t("all")}</option>
          {campaigns.map((c) => (
            <option key={c.id} value={c.id}>
              {c.title}
            </option>
          ))}
        </Select>
      </label>
      <label className={label}>
        {t("purpose")}
        <Select name="purposeId" defaultValue={filters.purposeId ?? ""}>
          <option value="">{t("all")}</option>
          {campaigns
            .filter((c) => c.purposes.length > 0)
            .map((c) => (
              <optgroup key={c.id} label={c.title}>
                {c.purposes.map((p) => (
                  <option key={p.id} value={p.id}>
                    {shortWording(p.versions[0]?.wording ?? p.id)}
                  </option>
                ))}
              </optgroup>
            ))}
        </Select>
      </label>
      <label className={label}>
        {t("email")}
        <Input name="email" type="search" defaultValue={filters.email ?? ""} />
      </label>
      <label className={label}>
        {t("from")}
        <Input name="from" type="date" defaultValue={filters.from ?? ""} />
      </label>
      <label className={label}>
        {t("to")}
        <Input name="to" type="date" defaultValue={filters.to ?? ""} />
      </label>
      <div className="col-span-2 flex flex-wrap items-end gap-2">
        <button type="submit" className={buttonClass("primary")}>
          {t("filters")}
        </button>
        <a href="?" className={buttonClass("ghost")}>
          {t("reset")}
        </a>
      </div>
    </form>
  );
}
