import { consentsNow, type LedgerEvent } from "@/lib/consent/current";
import { rfmScoresOf, type ScoredQuestion } from "./score";
import { segmentOf, type RfmScores } from "./segments";

// Profiling is a purpose like the others. When a campaign has a profiling
// purpose, a person's R, F, M and segment exist only while their consent to it
// counts; without one, answers are scored on legitimate interest and anyone
// may object, which removes their scores. Scores that may not exist are not
// stored at all (data minimisation), so every surface that reads them (leads,
// lead page, statistics, export) shows only what is allowed.

/** The legal basis of scoring in a campaign: the id of its profiling purpose, or legitimate interest. */
export type ProfilingBasis = { kind: "CONSENT"; purposeId: string } | { kind: "LEGITIMATE_INTEREST" };

/** The basis of a campaign's scoring, from its purposes (at most one is the profiling purpose). */
export function profilingBasisOf(purposes: ReadonlyArray<{ id: string; isProfiling: boolean }>): ProfilingBasis {
  const purpose = purposes.find((p) => p.isProfiling);
  return purpose ? { kind: "CONSENT", purposeId: purpose.id } : { kind: "LEGITIMATE_INTEREST" };
}

/** Whether a consent to the profiling purpose counts now, by the one consent rule (lib/consent/current.ts). */
export function profilingConsentCounts(records: readonly LedgerEvent[], purposeId: string): boolean {
  return consentsNow(records, purposeId);
}

/** Whether a person's answers in a campaign may carry scores now. */
export function mayScore(basis: ProfilingBasis, person: { consentCounts: boolean; objectedAt: Date | null }): boolean {
  return basis.kind === "CONSENT" ? person.consentCounts : person.objectedAt === null;
}

export type StoredScores = { rScore: number | null; fScore: number | null; mScore: number | null; segment: string | null };

export const NO_SCORES: StoredScores = { rScore: null, fScore: null, mScore: null, segment: null };

/** The scores to store for some answers: computed when allowed, none otherwise. */
export function scoresToStore(allowed: boolean, questions: ScoredQuestion[], answers: Record<string, unknown>): StoredScores {
  if (!allowed || questions.length === 0) return NO_SCORES;
  const scores: RfmScores = rfmScoresOf(questions, answers);
  return { rScore: scores.r, fScore: scores.f, mScore: scores.m, segment: segmentOf(scores) };
}
