import type { RecordEntry } from "./build";

type T = (key: string, values?: Record<string, string | number>) => string;

/** A record entry in words (for the page and the CSV alike), with the "compliance.records" translator. */
export function describeEntry(entry: RecordEntry, t: T, organisationName: string) {
  const basisKey = (b: string) => (b === "LEGAL_OBLIGATION" ? "proofBasis" : `basis.${b}`);
  return {
    name: entry.name,
    status: t(`statuses.${entry.status}`),
    purposes: entry.purposes.map((p) => {
      if (p.kind === "profiling") return p.wording ? `${t("profilingConsent", { wording: p.wording })} — ${t("basis.CONSENT")}` : `${t("profilingLegitimate")} — ${t("basis.LEGITIMATE")}`;
      const what = p.kind === "participation" ? t(`participation.${p.campaignKind}`) : p.kind === "marketing" ? p.wording : t("proof");
      return `${what} — ${t(basisKey(p.basis))}`;
    }),
    categories: entry.categories.map((c) => t(`categories.${c}`)),
    subjects: [t("subjectsText"), ...(entry.minimumAge ? [`(${t("minors", { age: entry.minimumAge })})`] : []), ...(entry.parentalConsent ? [t("parental")] : [])].join(" "),
    recipients: [t("staff", { organisation: organisationName }), ...entry.recipients, ...(entry.partners.length ? [t("partners", { names: entry.partners.join(", ") })] : [])],
    retention: t("retentionText", { months: entry.retention.months, days: entry.retention.unconfirmedDays }),
    transfers: t("transfersText"),
    security: t("securityText"),
  };
}
