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
 * What each chunk of text between spaces and punctuation becomes (its kept
 * words, usually zero or one), memoised per set of exclusions: answers reuse a
 * small vocabulary, so the per-answer cost is a split and a few map lookups.
 * Bounded so odd input cannot grow it forever.
 */
const NO_EXCLUSIONS: ReadonlySet<string> = new Set();
const decisions = new WeakMap<ReadonlySet<string>, Map<string, readonly string[]>>();
const MAX_MEMO = 200_000;
const NONE: readonly string[] = [];

function memoFor(exclusions: ReadonlySet<string>): Map<string, readonly string[]> {
  let memo = decisions.get(exclusions);
  if (!memo || memo.size > MAX_MEMO) {
    memo = new Map();
    decisions.set(exclusions, memo);
  }
  return memo;
}

function decideWord(raw: string, exclusions: ReadonlySet<string>): string | null {
  let word = raw;
  for (let stripped = word.replace(ELISION, ""); stripped !== word; stripped = stripped.replace(ELISION, "")) word = stripped;
  // English possessive: the company's → company.
  word = word.replace(/'s$/u, "");
  const folded = foldAccents(word);
  if ([...word].length < 2 || isStopWord(folded, exclusions)) return null;
  if (word.includes("-") && folded.split("-").every((part) => part.length < 2 || isStopWord(part, exclusions))) return null;
  return word;
}

/** A chunk touching a digit ("3kw", "2e", "mp3", "2024") is no word of the answer: dropped whole. */
function decideChunk(chunk: string, exclusions: ReadonlySet<string>): readonly string[] {
  if (/\d/.test(chunk)) return NONE;
  const words: string[] = [];
  for (const match of chunk.matchAll(WORD)) {
    const word = decideWord(match[0], exclusions);
    if (word !== null) words.push(word);
  }
  return words.length ? words : NONE;
}

/** Anything that is not a letter, a digit, an apostrophe or a hyphen separates chunks. */
const SEPARATORS = /[^\p{L}\p{N}'-]+/u;

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
  for (const chunk of normalised.split(SEPARATORS)) {
    if (chunk === "") continue;
    let kept = memo.get(chunk);
    if (kept === undefined) {
      kept = decideChunk(chunk, exclusions);
      memo.set(chunk, kept);
    }
    for (const word of kept) words.push(word);
  }
  return words;
}
