/** Letters that Unicode does not decompose, spelled as PostgreSQL's unaccent spells them (its fold() twin). */
const UNDECOMPOSED: Record<string, string> = { ł: "l", ø: "o", đ: "d", ð: "d", þ: "th", æ: "ae", œ: "oe", ß: "ss", ħ: "h", ı: "i", ŀ: "l" };
const UNDECOMPOSED_RE = new RegExp(`[${Object.keys(UNDECOMPOSED).join("")}]`, "g");

/**
 * Text as a search compares it: lower case, without accents or other
 * diacritics ("Élodie" and "ELODIE" both give "elodie", "Łódź" gives "lodz"),
 * ligatures spelled out. The same on both databases: SQLite calls this
 * function, PostgreSQL's fold() is lower(unaccent(…)), which agrees on names.
 */
export function foldForSearch(text: string): string {
  return text
    .normalize("NFKD")
    .replace(/\p{M}/gu, "")
    .toLowerCase()
    .replace(UNDECOMPOSED_RE, (ch) => UNDECOMPOSED[ch]!);
}
