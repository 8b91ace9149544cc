/** Pure shaping of grouped counts into what the dashboard draws. */
import type { NpsBreakdown } from "./nps";

export type Bar = { key: string; label: string; count: number; percent: number };

export type QuestionChart = {
  id: string;
  label: string;
  type: string;
  /** Bars for choices, a histogram for scales. */
  kind: "choices" | "histogram";
  /** Responses that answered the question: the base of the percentages. */
  respondents: number;
  /** Participants of the period who left it blank (null for multiple choice, where it cannot be told from the counts). */
  unanswered: number | null;
  /** Show-if: participants who were shown the question (null: every participant was) */
  seen: number | null;
  /** A scale's average answer, and its NPS on a 0–10 scale */
  average?: number | null;
  nps?: NpsBreakdown | null;
  /** R, F or M when the question scores recency, frequency or monetary value. */
  rfmTag: string | null;
  bars: Bar[];
};

/** Closed question types charted on the dashboard. */
export const CHARTED_TYPES = ["SINGLE_CHOICE", "MULTIPLE_CHOICE", "YES_NO", "SCALE"] as const;
/** Open question types that get a word cloud (never e-mail, names, phone…). */
export const OPEN_TYPES = ["SHORT_TEXT", "LONG_TEXT"] as const;

/** count / total as a percentage with one decimal, or 0 when nothing was counted. */
export function percent(count: number, total: number): number {
  return total > 0 ? Math.round((count / total) * 1000) / 10 : 0;
}

/** A rate in % (one decimal), or null when the base is zero (shown as "—", not as 0 %). */
export function rate(count: number, total: number): number | null {
  return total > 0 ? percent(count, total) : null;
}

/** Bars for a choice question, in the options' order, zero-count options included. */
export function choiceBars(options: { id: string; label: string }[], counts: ReadonlyMap<string, number>, respondents: number): Bar[] {
  return options.map((o) => {
    const count = counts.get(o.id) ?? 0;
    return { key: o.id, label: o.label, count, percent: percent(count, respondents) };
  });
}

/** Scale bounds from the question's validation JSON (1–10 unless it says otherwise). */
export function scaleBounds(validation: string): { min: number; max: number } {
  try {
    const v = JSON.parse(validation) as { min?: unknown; max?: unknown };
    const min = Number.isInteger(v.min) ? (v.min as number) : 1;
    const max = Number.isInteger(v.max) ? (v.max as number) : 10;
    if (min < max && max - min <= 100) return { min, max };
  } catch {
    // fall through to the default scale
  }
  return { min: 1, max: 10 };
}

/** Histogram bars for a scale: every step from min to max, values outside kept at the ends. */
export function histogramBars(bounds: { min: number; max: number }, counts: ReadonlyMap<number, number>): { bars: Bar[]; respondents: number } {
  const byStep = new Map<number, number>();
  let respondents = 0;
  for (const [value, count] of counts) {
    const step = Math.min(bounds.max, Math.max(bounds.min, Math.round(value)));
    byStep.set(step, (byStep.get(step) ?? 0) + count);
    respondents += count;
  }
  const bars: Bar[] = [];
  for (let v = bounds.min; v <= bounds.max; v++) {
    const count = byStep.get(v) ?? 0;
    bars.push({ key: String(v), label: String(v), count, percent: percent(count, respondents) });
  }
  return { bars, respondents };
}

/** Yes/no stored without options: the value as text or number. */
export function yesNoKey(valueText: string | null, valueNumber: number | null): "yes" | "no" | null {
  if (valueNumber !== null) return valueNumber ? "yes" : "no";
  const t = (valueText ?? "").trim().toLowerCase();
  if (["yes", "oui", "true", "1"].includes(t)) return "yes";
  if (["no", "non", "false", "0"].includes(t)) return "no";
  return null;
}

/** The host of a referrer URL ("" → direct); what is not a URL is kept as typed. */
export function referrerHost(referrer: string): string {
  if (!referrer) return "";
  try {
    return new URL(referrer).hostname.replace(/^www\./, "");
  } catch {
    return referrer.slice(0, 100);
  }
}

/** Sums counts by a derived key, largest first. */
export function sumBy<T>(rows: T[], key: (row: T) => string, count: (row: T) => number): { key: string; count: number }[] {
  const totals = new Map<string, number>();
  for (const row of rows) totals.set(key(row), (totals.get(key(row)) ?? 0) + count(row));
  return [...totals.entries()].map(([k, c]) => ({ key: k, count: c })).sort((a, b) => b.count - a.count || a.key.localeCompare(b.key));
}
