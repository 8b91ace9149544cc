import { tokenize, type TokenizeOptions } from "./tokenize";

export type WordCount = { word: string; count: number };

/** How many words the client receives for one cloud. */
export const CLOUD_SIZE = 100;

/**
 * Counts, for each word, the answers that contain it (an answer repeating a
 * word counts once, so one talkative respondent cannot fill the cloud).
 * Feed it page by page; memory grows with the vocabulary, not the answers.
 */
export class WordCounter {
  private readonly counts = new Map<string, number>();
  /** The last answer each word was counted for (cheaper than a Set per answer). */
  private readonly lastSeen = new Map<string, number>();
  answers = 0;

  constructor(private readonly options: TokenizeOptions = {}) {}

  add(text: string): void {
    const answer = ++this.answers;
    for (const word of tokenize(text, this.options)) {
      if (this.lastSeen.get(word) === answer) continue;
      this.lastSeen.set(word, answer);
      this.counts.set(word, (this.counts.get(word) ?? 0) + 1);
    }
  }

  /** The most frequent words, ties in alphabetical order (stable output). */
  top(limit = CLOUD_SIZE): WordCount[] {
    return [...this.counts.entries()]
      .map(([word, count]) => ({ word, count }))
      .sort((a, b) => b.count - a.count || a.word.localeCompare(b.word, "fr"))
      .slice(0, limit);
  }
}

/** Whether an answer contains the word, by the same rules as the cloud. */
export function answerContains(text: string, word: string, options: TokenizeOptions = {}): boolean {
  return tokenize(text, options).includes(word);
}

/** The longest run of ASCII letters in a word ("économie" → "conomie"): what LIKE can match case-insensitively. */
export function asciiCore(word: string): string {
  return (word.match(/[a-z]+/g) ?? []).reduce((best, run) => (run.length > best.length ? run : best), "");
}
