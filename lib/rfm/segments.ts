export type RfmScores = { r: number | null; f: number | null; m: number | null };

/**
 * The named segment of a response from its R, F, M scores (1–5 each), or null
 * when a score is missing. (Placeholder: the documented mapping replaces it.)
 */
export function segmentOf(_scores: RfmScores): string | null {
  return null;
}
