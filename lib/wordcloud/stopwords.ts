import stopwordsIso from "stopwords-iso/stopwords-iso.json";

/** Lower case, accents removed: stop words match whatever accents people type ("apres", "après"). */
export function foldAccents(word: string): string {
  return word.normalize("NFD").replace(/\p{M}+/gu, "");
}

/** French and English stop words (stopwords-iso), folded; built once per process. */
export const BASE_STOP_WORDS: ReadonlySet<string> = new Set(
  [...(stopwordsIso as Record<string, string[]>).fr!, ...(stopwordsIso as Record<string, string[]>).en!].map((w) =>
    foldAccents(w.toLowerCase().replace(/[’‘ʼ]/g, "'")),
  ),
);

/**
 * The campaign's own exclusions (`Campaign.wordExclusions`): words separated by
 * commas, semicolons, spaces or new lines, folded like the tokens they remove.
 */
export function parseExclusions(text: string): Set<string> {
  return new Set(
    text
      .split(/[\s,;]+/u)
      .map((w) => foldAccents(w.trim().toLowerCase()))
      .filter(Boolean),
  );
}
