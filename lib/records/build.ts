/** What a campaign says about its processing (loaded by ./queries.ts). */
export type CampaignForRecords = {
  id: string;
  title: string;
  kind: string;
  status: string;
  opensAt: Date;
  closesAt: Date;
  retentionMonths: number;
  unconfirmedPurgeDays: number;
  recipients: string;
  /** Partners by name, one per line */
  partners?: string;
  minimumAge: number | null;
  /** REFUSE | PARENTAL_CONSENT (under-15s' marketing consent) */
  minorPolicy?: string;
  questions: { type: string; rfmTag: string | null }[];
  /** Marketing purposes with their latest wording; at most one is the profiling purpose */
  purposes: { wording: string; legalBasis: string; isProfiling?: boolean }[];
};

type LegalBasis = "CONTRACT" | "CONSENT" | "LEGITIMATE" | "LEGAL_OBLIGATION";
type DataCategory = "identity" | "contact" | "birth" | "answers" | "openText" | "profiling" | "technical" | "consent" | "parentContact";

/** One entry of the records of processing (GDPR art. 30(1)), as codes and texts the page translates. */
export type RecordEntry = {
  campaignId: string;
  name: string;
  status: string;
  period: { opensAt: Date; closesAt: Date };
  purposes: Array<
    | { kind: "participation"; campaignKind: string; basis: LegalBasis }
    | { kind: "marketing"; wording: string; basis: LegalBasis }
    /** Scoring of answers (RFM): under the profiling purpose's consent, or on legitimate interest with the right to object */
    | { kind: "profiling"; wording: string | null; basis: LegalBasis }
    | { kind: "proof"; basis: LegalBasis }
  >;
  categories: DataCategory[];
  minimumAge: number | null;
  /** Under-15s' marketing consent is confirmed by a parent from the parent's own address */
  parentalConsent: boolean;
  recipients: string[];
  partners: string[];
  retention: { months: number; unconfirmedDays: number };
};

const CATEGORY_OF_TYPE: Record<string, DataCategory> = {
  FIRST_NAME: "identity",
  LAST_NAME: "identity",
  EMAIL: "contact",
  PHONE: "contact",
  POSTAL_CODE: "contact",
  SHORT_TEXT: "openText",
  LONG_TEXT: "openText",
  SINGLE_CHOICE: "answers",
  MULTIPLE_CHOICE: "answers",
  YES_NO: "answers",
  SCALE: "answers",
  NUMBER: "answers",
  DATE: "answers",
  BIRTH_DATE: "birth",
};
const CATEGORY_ORDER: DataCategory[] = ["identity", "contact", "birth", "answers", "openText", "profiling", "technical", "consent", "parentContact"];

/**
 * Derives a campaign's entry in the records of processing from its settings:
 * the participation itself (contract for a contest's rules or a requested
 * reward, legitimate interest for a survey), each marketing purpose (consent),
 * the scoring of answers (the profiling purpose's consent, or legitimate
 * interest with the right to object), keeping the proof (legal obligation);
 * data categories from its questions; children's consent confirmed by a
 * parent; partners by name.
 */
export function recordEntry(c: CampaignForRecords): RecordEntry {
  const categories = new Set<DataCategory>(["technical"]);
  for (const q of c.questions) {
    // With an age limit, any date asked may well be a birth date.
    const category = q.type === "DATE" && c.minimumAge !== null ? "birth" : CATEGORY_OF_TYPE[q.type];
    if (category) categories.add(category);
    if (q.rfmTag) categories.add("profiling");
  }
  if (c.purposes.length > 0) categories.add("consent");
  const scored = c.questions.some((q) => q.rfmTag);
  const profilingPurpose = c.purposes.find((p) => p.isProfiling);
  const parentalConsent = c.minorPolicy === "PARENTAL_CONSENT" && c.purposes.length > 0 && c.questions.some((q) => q.type === "BIRTH_DATE");
  if (parentalConsent) categories.add("parentContact");
  return {
    campaignId: c.id,
    name: c.title,
    status: c.status,
    period: { opensAt: c.opensAt, closesAt: c.closesAt },
    purposes: [
      { kind: "participation", campaignKind: c.kind, basis: c.kind === "SURVEY" ? "LEGITIMATE" : "CONTRACT" },
      ...c.purposes
        .filter((p) => !p.isProfiling)
        .map((p) => ({ kind: "marketing" as const, wording: p.wording, basis: (p.legalBasis === "CONSENT" ? "CONSENT" : "LEGITIMATE") as LegalBasis })),
      ...(scored || profilingPurpose
        ? [profilingPurpose ? { kind: "profiling" as const, wording: profilingPurpose.wording, basis: "CONSENT" as const } : { kind: "profiling" as const, wording: null, basis: "LEGITIMATE" as const }]
        : []),
      { kind: "proof", basis: "LEGAL_OBLIGATION" },
    ],
    categories: CATEGORY_ORDER.filter((k) => categories.has(k)),
    minimumAge: c.minimumAge,
    parentalConsent,
    partners: (c.partners ?? "")
      .split(/[\n;]+/)
      .map((r) => r.trim())
      .filter(Boolean),
    recipients: c.recipients
      .split(/[\n;,]+/)
      .map((r) => r.trim())
      .filter(Boolean),
    retention: { months: c.retentionMonths, unconfirmedDays: c.unconfirmedPurgeDays },
  };
}
