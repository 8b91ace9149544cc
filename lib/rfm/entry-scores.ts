import "server-only";
import type { SqlWriter } from "@/lib/db";
import type { ScoredQuestion } from "./score";
import { NO_SCORES, scoresToStore, type ProfilingBasis, type StoredScores } from "./profiling";

/**
 * The scores a new entry is stored with, inside the submission's transaction.
 * With a profiling purpose, none: the consent given by a box counts only once
 * the entry is confirmed, and the confirmation computes them. On legitimate
 * interest, computed unless the person has objected.
 */
export async function entryScores(sql: SqlWriter, d: { profiling: ProfilingBasis; scored: ScoredQuestion[] }, contactId: string | null, answers: Record<string, unknown>): Promise<StoredScores> {
  if (d.profiling.kind === "CONSENT" || d.scored.length === 0) return NO_SCORES;
  const objected = contactId ? (await sql.get<{ at: string | null }>(`SELECT "profilingObjectedAt" AS "at" FROM "Contact" WHERE "id" = ?`, contactId))?.at : null;
  return scoresToStore(!objected, d.scored, answers);
}
