// What a scale question's answers add up to: their average and, on a 0–10 scale, the Net
// Promoter Score (share of promoters, 9–10, minus share of detractors, 0–6). Pure: the
// dashboard formats the numbers in the reader's language.

export type NpsBreakdown = {
  /** % of promoters minus % of detractors, from -100 to 100 */
  score: number;
  promoters: number;
  passives: number;
  detractors: number;
  /** shares in %, unrounded */
  promotersPercent: number;
  detractorsPercent: number;
};

export type ScaleSummary = { answers: number; average: number | null; nps: NpsBreakdown | null };

/**
 * Sums a scale's answer counts (value → number of answers). Values outside the range are
 * kept at its ends, as the histogram shows them. No answers: no average and no NPS.
 */
export function scaleSummary(range: { min: number; max: number }, counts: ReadonlyMap<number, number>): ScaleSummary {
  let answers = 0;
  let total = 0;
  let promoters = 0;
  let detractors = 0;
  for (const [raw, count] of counts) {
    if (count <= 0) continue;
    const value = Math.min(range.max, Math.max(range.min, Math.round(raw)));
    answers += count;
    total += value * count;
    if (value >= 9) promoters += count;
    else if (value <= 6) detractors += count;
  }
  if (answers === 0) return { answers, average: null, nps: null };
  const nps =
    range.min === 0 && range.max === 10
      ? {
          promoters,
          detractors,
          passives: answers - promoters - detractors,
          promotersPercent: (promoters / answers) * 100,
          detractorsPercent: (detractors / answers) * 100,
          score: ((promoters - detractors) / answers) * 100,
        }
      : null;
  return { answers, average: total / answers, nps };
}
