import { describe, expect, it } from "vitest";
import { type CampaignForRecords, recordEntry } from "./build";

const base: CampaignForRecords = {
  id: "c1",
  title: "Gagnez un poêle",
  kind: "CONTEST",
  status: "PUBLISHED",
  opensAt: new Date("2026-01-01T00:00:00Z"),
  closesAt: new Date("2026-02-01T00:00:00Z"),
  retentionMonths: 36,
  unconfirmedPurgeDays: 30,
  recipients: "Service marketing; Agence Dupont\nHubSpot",
  minimumAge: null,
  questions: [],
  purposes: [],
};

describe("records of processing", () => {
  it("derives purposes and legal bases from the campaign", () => {
    const entry = recordEntry({ ...base, purposes: [{ wording: "Offres par e-mail", legalBasis: "CONSENT" }] });
    expect(entry.purposes).toEqual([
      { kind: "participation", campaignKind: "CONTEST", basis: "CONTRACT" },
      { kind: "marketing", wording: "Offres par e-mail", basis: "CONSENT" },
      { kind: "proof", basis: "LEGAL_OBLIGATION" },
    ]);
    expect(recordEntry({ ...base, kind: "SURVEY" }).purposes[0]).toMatchObject({ basis: "LEGITIMATE" });
  });

  it("derives data categories from the questions, in a stable order", () => {
    const entry = recordEntry({
      ...base,
      minimumAge: 18,
      questions: [
        { type: "LONG_TEXT", rfmTag: null },
        { type: "EMAIL", rfmTag: null },
        { type: "DATE", rfmTag: null },
        { type: "SINGLE_CHOICE", rfmTag: "R" },
        { type: "FIRST_NAME", rfmTag: null },
      ],
      purposes: [{ wording: "x", legalBasis: "CONSENT" }],
    });
    expect(entry.categories).toEqual(["identity", "contact", "birth", "answers", "openText", "profiling", "technical", "consent"]);
    expect(recordEntry(base).categories).toEqual(["technical"]);
  });

  it("splits recipients and keeps retention", () => {
    const entry = recordEntry(base);
    expect(entry.recipients).toEqual(["Service marketing", "Agence Dupont", "HubSpot"]);
    expect(entry.retention).toEqual({ months: 36, unconfirmedDays: 30 });
  });

  it("records the scoring of answers under the profiling purpose's consent, or on legitimate interest", () => {
    const tagged = [{ type: "SINGLE_CHOICE", rfmTag: "R" }];
    const withPurpose = recordEntry({
      ...base,
      questions: tagged,
      purposes: [
        { wording: "Offres par e-mail", legalBasis: "CONSENT" },
        { wording: "Analyser mes réponses", legalBasis: "CONSENT", isProfiling: true },
      ],
    });
    expect(withPurpose.purposes).toContainEqual({ kind: "profiling", wording: "Analyser mes réponses", basis: "CONSENT" });
    expect(withPurpose.purposes).not.toContainEqual(expect.objectContaining({ kind: "marketing", wording: "Analyser mes réponses" }));
    expect(recordEntry({ ...base, questions: tagged }).purposes).toContainEqual({ kind: "profiling", wording: null, basis: "LEGITIMATE" });
    expect(recordEntry(base).purposes.some((p) => p.kind === "profiling")).toBe(false);
  });

  it("records children's consent confirmed by a parent, the parent's address and the partners by name", () => {
    const entry = recordEntry({
      ...base,
      minorPolicy: "PARENTAL_CONSENT",
      partners: "Granulés du Rhône SAS\nChauffage Alpes SARL",
      questions: [{ type: "BIRTH_DATE", rfmTag: null }],
      purposes: [{ wording: "Offres", legalBasis: "CONSENT" }],
    });
    expect(entry.parentalConsent).toBe(true);
    expect(entry.categories).toContain("birth");
    expect(entry.categories).toContain("parentContact");
    expect(entry.partners).toEqual(["Granulés du Rhône SAS", "Chauffage Alpes SARL"]);
    expect(recordEntry({ ...base, minorPolicy: "REFUSE", questions: [{ type: "BIRTH_DATE", rfmTag: null }] }).parentalConsent).toBe(false);
  });
});
