import type { RfmScores } from "./segments";

/** A single-choice question as scoring needs it: its R/F/M tag and each option's score (1–5). */
export type ScoredQuestion = {
  id: string;
  rfmTag: string | null;
  options: Array<{ id: string; rfmScore: number | null }>;
};

/**
 * The R, F and M scores of one response: for each tag, the score of the option
 * chosen in the question carrying that tag (the rounded mean when several
 * questions carry it). A tag with no answered question gives null, so an
 * incomplete profile is never mistaken for a low one.
 */
export function rfmScoresOf(questions: ScoredQuestion[], answers: Record<string, unknown>): RfmScores {
  const collected: Record<"R" | "F" | "M", number[]> = { R: [], F: [], M: [] };
  for (const q of questions) {
    if (q.rfmTag !== "R" && q.rfmTag !== "F" && q.rfmTag !== "M") continue;
    const chosen = answers[q.id];
    if (typeof chosen !== "string") continue;
    const score = q.options.find((o) => o.id === chosen)?.rfmScore;
    if (typeof score === "number" && score >= 1 && score <= 5) collected[q.rfmTag].push(score);
  }
  const mean = (xs: number[]) => (xs.length === 0 ? null : Math.round(xs.reduce((a, b) => a + b, 0) / xs.length));
  return { r: mean(collected.R), f: mean(collected.F), m: mean(collected.M) };
}

/**
 * Default scores the builder proposes for a tagged question with `count`
 * options listed from the best answer to the worst (most recent, most often,
 * largest budget first): spread evenly from 5 down to 1.
 */
export function defaultRfmScores(count: number): number[] {
  if (count <= 0) return [];
  if (count === 1) return [5];
  return Array.from({ length: count }, (_, i) => Math.round(5 - (4 * i) / (count - 1)));
}
