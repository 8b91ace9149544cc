import type { ScoredQuestion } from "./score";
import { NO_SCORES, scoresToStore, type ProfilingBasis, type StoredScores } from "./profiling";

/**
 * The scores a new entry is stored with. With a profiling purpose, none: the
 * consent given by a box counts only once the entry is confirmed, and the
 * confirmation computes them. On legitimate interest, computed unless the
 * person has objected (read with the contact, in the submission's transaction).
 */
export function entryScores(d: { profiling: ProfilingBasis; scored: ScoredQuestion[] }, objected: boolean, answers: Record<string, unknown>): StoredScores {
  if (d.profiling.kind === "CONSENT" || d.scored.length === 0) return NO_SCORES;
  return scoresToStore(!objected, d.scored, answers);
}
