import { getLocale, getTranslations } from "next-intl/server";
import { formatPercent } from "@/lib/i18n/format";
import type { ConsentRate } from "@/lib/analytics/queries";

/** Share of participants whose consent is in force, per purpose, as labelled meters. */
export async function ConsentRates({ rates, contacts }: { rates: ConsentRate[]; contacts: number }) {
  const [t, locale] = await Promise.all([getTranslations("analytics.consents"), getLocale()]);
  if (rates.length === 0) return <p className="text-sm text-muted">{t("empty")}</p>;
  return (
    <div className="space-y-4">
      <p className="text-sm text-muted">{t("lead", { contacts })}</p>
      <ul className="space-y-3" data-testid="consent-rates">
        {rates.map((r) => (
          <li key={r.purposeId}>
            <div className="flex flex-wrap justify-between gap-2 text-sm">
              <span className="font-medium">{r.label}</span>
              <span className="tabular-nums text-muted">
                {r.rate === null ? "—" : formatPercent(r.rate, locale)} · {t("granted", { granted: r.granted, contacts: r.contacts })}
              </span>
            </div>
            <div className="mt-1 h-2 rounded bg-surface" aria-hidden="true">
              <div className="h-2 rounded bg-brand" style={{ width: `${Math.min(100, r.rate ?? 0)}%` }} />
            </div>
          </li>
        ))}
      </ul>
    </div>
  );
}
