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
  minimumAge: number | null;
  questions: { type: string; rfmTag: string | null }[];
  /** Marketing purposes with their latest wording */
  purposes: { wording: string; legalBasis: string }[];
};

export type LegalBasis = "CONTRACT" | "CONSENT" | "LEGITIMATE" | "LEGAL_OBLIGATION";
export type DataCategory = "identity" | "contact" | "birth" | "answers" | "openText" | "profiling" | "technical" | "consent";

/** One entry of the records of processing (GDPR art. 30(1)), as codes and texts the page translates. */
export type RecordEntry = {
  campaignId: string;
  name: string;
  status: string;
  period: { opensAt: Date; closesAt: Date };
  purposes: Array<{ kind: "participation"; campaignKind: string; basis: LegalBasis } | { kind: "marketing"; wording: string; basis: LegalBasis } | { kind: "proof"; basis: LegalBasis }>;
  categories: DataCategory[];
  minimumAge: number | null;
  recipients: string[];
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
};
const CATEGORY_ORDER: DataCategory[] = ["identity", "contact", "birth", "answers", "openText", "profiling", "technical", "consent"];

/**
 * Derives a campaign's entry in the records of processing from its settings:
 * the participation itself (contract for a contest's rules or a requested
 * reward, legitimate interest for a survey), each marketing purpose (consent),
 * keeping the proof (legal obligation); data categories from its questions.
 */
export function recordEntry(c: CampaignForRecords): RecordEntry {
  const categories = new Set<DataCategory>(["technical"]);
  for (const q of c.questions) {
    const category = q.type === "DATE" && c.minimumAge !== null ? "birth" : CATEGORY_OF_TYPE[q.type];
    if (category) categories.add(category);
    if (q.rfmTag) categories.add("profiling");
  }
  if (c.purposes.length > 0) categories.add("consent");
  return {
    campaignId: c.id,
    name: c.title,
    status: c.status,
    period: { opensAt: c.opensAt, closesAt: c.closesAt },
    purposes: [
      { kind: "participation", campaignKind: c.kind, basis: c.kind === "SURVEY" ? "LEGITIMATE" : "CONTRACT" },
      ...c.purposes.map((p) => ({ kind: "marketing" as const, wording: p.wording, basis: (p.legalBasis === "CONSENT" ? "CONSENT" : "LEGITIMATE") as LegalBasis })),
      { kind: "proof", basis: "LEGAL_OBLIGATION" },
    ],
    categories: CATEGORY_ORDER.filter((k) => categories.has(k)),
    minimumAge: c.minimumAge,
    recipients: c.recipients
      .split(/[\n;,]+/)
      .map((r) => r.trim())
      .filter(Boolean),
    retention: { months: c.retentionMonths, unconfirmedDays: c.unconfirmedPurgeDays },
  };
}
