export type RfmScores = { r: number | null; f: number | null; m: number | null };

/**
 * The named RFM segments, best first. Stored as is in `Response.segment`: codes,
 * shown through the catalogue (analytics.segments.<key>, SEGMENT_KEYS).
 */
export const SEGMENTS = [
  "CHAMPIONS",
  "LOYAL",
  "POTENTIAL_LOYALISTS",
  "NEW",
  "PROMISING",
  "NEEDS_ATTENTION",
  "AT_RISK",
  "HIBERNATING",
  "LOST",
] as const;

export type Segment = (typeof SEGMENTS)[number];

const C = "CHAMPIONS";
const L = "LOYAL";
const PL = "POTENTIAL_LOYALISTS";
const N = "NEW";
const P = "PROMISING";
const S = "NEEDS_ATTENTION";
const AR = "AT_RISK";
const H = "HIBERNATING";
const X = "LOST";

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

/** The message key of each segment (analytics.segments.<key>, analytics.segmentAdvice.<key>). */
export const SEGMENT_KEYS: Readonly<Record<Segment, string>> = {
  CHAMPIONS: "champions",
  LOYAL: "loyal",
  POTENTIAL_LOYALISTS: "potentialLoyalists",
  NEW: "new",
  PROMISING: "promising",
  NEEDS_ATTENTION: "needsAttention",
  AT_RISK: "atRisk",
  HIBERNATING: "hibernating",
  LOST: "lost",
};

/** Whether a stored value is a segment code. */
export function isSegment(value: string): value is Segment {
  return (SEGMENTS as readonly string[]).includes(value);
}

/** The message key of a stored segment value, or null for an unknown one. */
export function segmentKey(segment: string): string | null {
  return isSegment(segment) ? SEGMENT_KEYS[segment] : null;
}
