/**
 * Text as a search compares it: lower case, without accents or other
 * diacritics ("Élodie" and "ELODIE" both give "elodie"), ligatures spelled out.
 */
export function foldForSearch(text: string): string {
  return text.normalize("NFKD").replace(/\p{M}/gu, "").toLowerCase().replace(/œ/g, "oe").replace(/æ/g, "ae").replace(/ß/g, "ss");
}
