import { CHOICE_TYPES, needsEmail } from "./kinds";

// What must hold before a campaign goes public. Each problem is a message key
// of the "builder" namespace (checks.*); `where` says which page fixes it.

export type PublishProblem = { key: string; where: "organisation" | "builder"; values?: Record<string, string | number> };

export type PublishCheckInput = {
  organisation: { legalName: string; name: string; contactEmail: string; dpoEmail: string };
  campaign: {
    kind: string;
    title: string;
    opensAt: Date;
    closesAt: Date;
    retentionMonths: number;
    prize: string;
    winnersCount: number;
    rulesText: string;
    rulesFilePath: string | null;
    rewardUrl: string;
    rewardFilePath: string | null;
    minimumAge: number | null;
    ageCheck: string;
    /** Partners by name; absent: none named */
    partners?: string;
  };
  questions: Array<{ type: string; required: boolean; rfmTag: string | null; validation?: unknown; options: Array<{ rfmScore: number | null }> }>;
  purposes: Array<{ wording: string }>;
};

/** Whether a purpose's wording is about partners (their offers, a transfer to them). */
export function mentionsPartners(wording: string): boolean {
  return /partenaire|partner/i.test(wording);
}

/** Problems that block publishing (empty: it may be published). */
export function publishProblems(input: PublishCheckInput, now: Date = new Date()): PublishProblem[] {
  const { organisation: org, campaign: c, questions, purposes } = input;
  const problems: PublishProblem[] = [];
  const add = (key: string, where: PublishProblem["where"] = "builder", values?: PublishProblem["values"]) => problems.push({ key, where, values });

  // The information notice needs these.
  if (!org.legalName.trim()) add("checks.controller", "organisation");
  if (!org.contactEmail.trim() && !org.dpoEmail.trim()) add("checks.contact", "organisation");
  if (!(c.retentionMonths >= 1)) add("checks.retention");
  if (purposes.length === 0) add("checks.purposes");
  if (purposes.some((p) => p.wording.trim().length < 10)) add("checks.wording");
  // A purpose for partners' offers: the notice must name them.
  if (purposes.some((p) => mentionsPartners(p.wording)) && !(c.partners ?? "").trim()) add("checks.partners");

  if (questions.length === 0) add("checks.questions");
  const email = questions.find((q) => q.type === "EMAIL");
  if (needsEmail(c.kind) && !email) add("checks.email");
  if (email && needsEmail(c.kind) && !email.required) add("checks.emailRequired");
  if (purposes.length > 0 && !email) add("checks.emailForConsent");
  if (questions.some((q) => CHOICE_TYPES.includes(q.type as never) && q.options.length < 2)) add("checks.options");
  if (questions.some((q) => q.rfmTag && q.options.some((o) => o.rfmScore == null))) add("checks.rfmScores");

  // Negated comparisons: a missing or half-typed date (NaN, in the builder's draft) fails too.
  if (!(c.closesAt > c.opensAt)) add("checks.dates");
  else if (c.closesAt <= now) add("checks.closesInPast");

  if (c.kind === "CONTEST") {
    if (!c.prize.trim()) add("checks.prize");
    if (!(c.winnersCount >= 1)) add("checks.winners");
    if (!c.rulesText.trim() && !c.rulesFilePath) add("checks.rules");
  }
  if (c.kind === "LEAD_MAGNET" && !c.rewardUrl.trim() && !c.rewardFilePath) add("checks.reward");
  if (c.minimumAge != null && c.ageCheck === "BIRTHDATE") {
    const birth = questions.find((q) => q.type === "BIRTH_DATE");
    if (!birth) add("checks.birthDate", "builder", { age: c.minimumAge });
    else if (!birth.required) add("checks.birthDateRequired");
  }
  return problems;
}

/** Advice that does not block publishing. */
export function publishWarnings(input: Pick<PublishCheckInput, "questions" | "purposes">): PublishProblem[] {
  const tags = new Set(input.questions.map((q) => q.rfmTag).filter(Boolean));
  const warnings: PublishProblem[] = [];
  const missing = (["R", "F", "M"] as const).filter((t) => !tags.has(t));
  if (tags.size > 0 && missing.length > 0) warnings.push({ key: "checks.rfmMissing", where: "builder", values: { tags: missing.join(", ") } });
  if (tags.size === 0) warnings.push({ key: "checks.rfmNone", where: "builder" });
  return warnings;
}
