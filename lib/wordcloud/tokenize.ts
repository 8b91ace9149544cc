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
 * The meaningful words of an open answer, in order, lower case with accents
 * kept: elisions split (l', d', qu', j' …, straight or curly apostrophes),
 * punctuation and numbers dropped (a token touching a digit is dropped whole:
 * "3kw", "2e"), one-letter words dropped, French and English stop words and the
 * campaign's exclusions removed. A hyphenated word made only of stop words
 * ("peut-être", "est-ce") goes too.
 */
export function tokenize(text: string, options: TokenizeOptions = {}): string[] {
  const normalised = text.normalize("NFC").toLowerCase().replace(APOSTROPHES, "'");
  const words: string[] = [];
  for (const match of normalised.matchAll(WORD)) {
    const start = match.index;
    const end = start + match[0].length;
    // Letters glued to digits ("3kw", "mp3") are not words of the answer.
    if (/\d/.test(normalised[start - 1] ?? "") || /\d/.test(normalised[end] ?? "")) continue;
    let word = match[0];
    for (let stripped = word.replace(ELISION, ""); stripped !== word; stripped = stripped.replace(ELISION, "")) word = stripped;
    // English possessive: the company's → company.
    word = word.replace(/'s$/u, "");
    const folded = foldAccents(word);
    if ([...word].length < 2 || isStopWord(folded, options.exclusions)) continue;
    if (word.includes("-") && folded.split("-").every((part) => part.length < 2 || isStopWord(part, options.exclusions))) continue;
    words.push(word);
  }
  return words;
}
