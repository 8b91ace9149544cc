import { BASE_STOP_WORDS, foldAccents } from "./stopwords";

/**
 * French elided forms (l'aube, qu'il, jusqu'ici …): the part before the
 * apostrophe is a stop word glued to the real word, so it is cut off.
 */
const ELISION = /^(?:l|d|j|m|n|s|t|c|ç|qu|jusqu|lorsqu|puisqu|quoiqu|presqu|quelqu)'(?=\p{L})/u;

/** A word is letters, possibly joined by hyphens or apostrophes (peut-être, aujourd'hui). */
const WORD = /\p{L}+(?:['-]\p{L}+)*/gu;

const APOSTROPHES = /[’‘ʼ`´]/g;

export type TokenizeOptions = {
  /** Extra folded words to drop (the campaign's exclusions). */
  exclusions?: ReadonlySet<string>;
};

function isStopWord(folded: string, exclusions?: ReadonlySet<string>): boolean {
  return BASE_STOP_WORDS.has(folded) || (exclusions?.has(folded) ?? false);
}

/**
 * What each raw word becomes (the kept word, or null when dropped), memoised per
 * set of exclusions: answers reuse a small vocabulary, and Unicode folding is
 * the costly part at 100,000 answers. Bounded so odd input cannot grow it forever.
 */
const NO_EXCLUSIONS: ReadonlySet<string> = new Set();
const decisions = new WeakMap<ReadonlySet<string>, Map<string, string | null>>();
const MAX_MEMO = 200_000;

function memoFor(exclusions: ReadonlySet<string>): Map<string, string | null> {
  let memo = decisions.get(exclusions);
  if (!memo || memo.size > MAX_MEMO) {
    memo = new Map();
    decisions.set(exclusions, memo);
  }
  return memo;
}

function decide(raw: string, exclusions: ReadonlySet<string>): string | null {
  let word = raw;
  for (let stripped = word.replace(ELISION, ""); stripped !== word; stripped = stripped.replace(ELISION, "")) word = stripped;
  // English possessive: the company's → company.
  word = word.replace(/'s$/u, "");
  const folded = foldAccents(word);
  if ([...word].length < 2 || isStopWord(folded, exclusions)) return null;
  if (word.includes("-") && folded.split("-").every((part) => part.length < 2 || isStopWord(part, exclusions))) return null;
  return word;
}

/**
 * The meaningful words of an open answer, in order, lower case with accents
 * kept: elisions split (l', d', qu', j' …, straight or curly apostrophes),
 * punctuation and numbers dropped (a token touching a digit is dropped whole:
 * "3kw", "2e"), one-letter words dropped, French and English stop words and the
 * campaign's exclusions removed. A hyphenated word made only of stop words
 * ("peut-être", "est-ce") goes too.
 */
export function tokenize(text: string, options: TokenizeOptions = {}): string[] {
  const normalised = text.normalize("NFC").toLowerCase().replace(APOSTROPHES, "'");
  const exclusions = options.exclusions ?? NO_EXCLUSIONS;
  const memo = memoFor(exclusions);
  const words: string[] = [];
  for (const match of normalised.matchAll(WORD)) {
    const start = match.index;
    const end = start + match[0].length;
    // Letters glued to digits ("3kw", "mp3") are not words of the answer.
    if (/\d/.test(normalised[start - 1] ?? "") || /\d/.test(normalised[end] ?? "")) continue;
    const raw = match[0];
    let word = memo.get(raw);
    if (word === undefined) {
      word = decide(raw, exclusions);
      memo.set(raw, word);
    }
    if (word === null) continue;
    words.push(word);
  }
  return words;
}
