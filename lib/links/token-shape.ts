/**
 * The longest token any of our links carries: random tokens are 43
 * characters, signed references about 60 (a signed reference with a date a
 * little more). Anything longer, or with other characters, is not one of ours.
 */
export const MAX_TOKEN_LENGTH = 200;
const TOKEN_CHARACTERS = /^[A-Za-z0-9_.~-]+$/;

/** Whether a link token could be one of ours (checked before any lookup, and before it is echoed anywhere). */
export function isWellFormedToken(token: unknown): token is string {
  return typeof token === "string" && token.length > 0 && token.length <= MAX_TOKEN_LENGTH && TOKEN_CHARACTERS.test(token);
}

/**
 * The token-bearing pages links lead to, with the pages that sit beside the
 * token under the same prefix (app/p/efface): a new such page must be listed
 * here, or the proxy takes its name for an unknown token.
 */
export const TOKEN_PAGES: ReadonlyArray<{ prefix: string; kind: "parental" | "confirmation" | "preferences" | "invitation" | "passwordReset" | "emailChange"; staticPages: readonly string[] }> = [
  // Before "/c/": the parent's link lives under it.
  { prefix: "/c/parent/", kind: "parental", staticPages: [] },
  { prefix: "/c/", kind: "confirmation", staticPages: [] },
  { prefix: "/p/", kind: "preferences", staticPages: ["efface"] },
  { prefix: "/invitation/", kind: "invitation", staticPages: [] },
  { prefix: "/mot-de-passe/", kind: "passwordReset", staticPages: [] },
  { prefix: "/confirmer-adresse/", kind: "emailChange", staticPages: [] },
];
export type TokenPageKind = (typeof TOKEN_PAGES)[number]["kind"];
/** Where actions send a malformed token they got back: well formed, never issued (the page says "unknown link"). */
export const PLACEHOLDER_TOKEN = "-";

/** The kind, token (decoded) and rest of a token-bearing path, e.g. "/p/<token>/effacement"; null for other paths. */
export function tokenPathOf(pathname: string): { kind: TokenPageKind; prefix: string; token: string | null; rest: string } | null {
  for (const { prefix, kind, staticPages } of TOKEN_PAGES) {
    if (!pathname.startsWith(prefix)) continue;
    const [raw = "", ...rest] = pathname.slice(prefix.length).split("/");
    if (raw === "" || staticPages.includes(raw)) return null;
    let token: string | null;
    try {
      token = decodeURIComponent(raw);
    } catch {
      token = null;
    }
    return { kind, prefix, token: isWellFormedToken(token) ? token : null, rest: rest.length ? `/${rest.join("/")}` : "" };
  }
  return null;
}
