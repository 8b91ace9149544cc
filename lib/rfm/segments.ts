export type RfmScores = { r: number | null; f: number | null; m: number | null };

/** The named RFM segments, best first. Stored as is in `Response.segment`. */
export const SEGMENTS = [
  "Champions",
  "Loyaux",
  "Potentiellement loyaux",
  "Nouveaux",
  "Prometteurs",
  "À surveiller",
  "À risque",
  "En hibernation",
  "Perdus",
] as const;

export type Segment = (typeof SEGMENTS)[number];

const C = "Champions";
const L = "Loyaux";
const PL = "Potentiellement loyaux";
const N = "Nouveaux";
const P = "Prometteurs";
const S = "À surveiller";
const AR = "À risque";
const H = "En hibernation";
const X = "Perdus";

/**
 * The documented mapping (docs/rfm.md): rows are recency R = 5 … 1, columns the
 * combined frequency–monetary score FM = 1 … 5. Reading it as a grid keeps the
 * usual RFM picture: recent and valuable top right, old and small bottom left.
 */
export const SEGMENT_GRID: Readonly<Record<number, readonly Segment[]>> = {
  5: [N, P, PL, C, C],
  4: [P, PL, PL, L, C],
  3: [S, S, PL, L, L],
  2: [H, H, S, AR, AR],
  1: [X, X, H, AR, AR],
};

function isScore(value: number | null): value is number {
  return value !== null && Number.isInteger(value) && value >= 1 && value <= 5;
}

/**
 * The combined FM score: the rounded mean of F and M (halves round up, so
 * F=2, M=3 gives 3). When only one of them was answered it stands alone;
 * when neither was, there is no FM score.
 */
export function fmScore(f: number | null, m: number | null): number | null {
  const present = [f, m].filter(isScore);
  if (present.length === 0) return null;
  return Math.round(present.reduce((sum, s) => sum + s, 0) / present.length);
}

/**
 * The named segment of a response from its R, F, M scores (1–5 each), or null
 * when it cannot be placed: recency missing (or out of range), or both F and M
 * missing. A single missing F or M does not discard the response: the other one
 * stands for FM (see docs/rfm.md).
 */
export function segmentOf(scores: RfmScores): Segment | null {
  if (!isScore(scores.r)) return null;
  const fm = fmScore(scores.f, scores.m);
  if (fm === null) return null;
  return SEGMENT_GRID[scores.r][fm - 1];
}

/** Stable message keys of the segments (the stored value is the French name). */
export const SEGMENT_KEYS: Readonly<Record<Segment, string>> = {
  Champions: "champions",
  Loyaux: "loyal",
  "Potentiellement loyaux": "potentialLoyalists",
  Nouveaux: "new",
  Prometteurs: "promising",
  "À surveiller": "needsAttention",
  "À risque": "atRisk",
  "En hibernation": "hibernating",
  Perdus: "lost",
};

/** The message key of a stored segment value, or null for an unknown one. */
export function segmentKey(segment: string): string | null {
  return (SEGMENT_KEYS as Record<string, string>)[segment] ?? null;
}
